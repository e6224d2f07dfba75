/** @module The shared tab suite: the same cases for every built tab, generated from test/tab-suite.ts's declarations. */
import { expect } from '@open-wc/testing'
import { declarations, describeTab, everyRole } from '../../test/tab-suite.ts'
import { useLocale } from '../i18n/localization.ts'
import { tabLoaders } from './tab-registry.ts'

describe('Every built tab', () => {
  const members = everyRole()
  after(() => useLocale('en'))

  it('has a declaration in the shared suite', () => {
    expect(declarations.map((d) => d.id).sort()).to.deep.equal(Object.keys(tabLoaders).sort())
  })

  for (const declaration of declarations) describeTab(declaration, members)
})
