import { QuickReplyUpdate } from '@connectgain/contracts/quick-replies'
import { expect } from '@open-wc/testing'
import { type ResourceSpec, restPath } from './resource.ts'

const spec: ResourceSpec<{ id: string; shortcut: string; content: string }> = {
  name: 'quick_replies',
  shape: 'list',
  columns: ['id', 'shortcut', 'content'],
  order: 'shortcut.asc',
  search: ['shortcut', 'content'],
  schemas: { update: QuickReplyUpdate },
}

const params = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams)

describe('restPath', () => {
  it('selects the declared columns in the declared order', () => {
    expect(restPath(spec).split('?')[0]).to.equal('/rest/v1/quick_replies')
    expect(params(restPath(spec))).to.deep.equal({ select: 'id,shortcut,content', order: 'shortcut.asc' })
  })

  it('addresses one row by id (no order), and an upsert by its conflict column', () => {
    expect(params(restPath(spec, { id: 'qr_1' }))).to.deep.equal({
      select: 'id,shortcut,content',
      id: 'eq.qr_1',
    })
    expect(params(restPath(spec, { onConflict: 'user_id' })).on_conflict).to.equal('user_id')
  })

  it('searches every search column with a quoted, escaped ilike pattern', () => {
    expect(params(restPath(spec, { query: ' thanks ' })).or).to.equal(
      '(shortcut.ilike."*thanks*",content.ilike."*thanks*")',
    )
    expect(params(restPath(spec, { query: 'a,b (50%) "x"_' })).or).to.equal(
      String.raw`(shortcut.ilike."*a,b (50\\%) \"x\"\\_*",content.ilike."*a,b (50\\%) \"x\"\\_*")`,
    )
    expect(params(restPath(spec, { query: '   ' })).or).to.equal(undefined)
  })

  it('adds filters by column, encoded', () => {
    const path = restPath(spec, { filters: { shortcut: 'in.("a,b","c")', content: 'like.*x&y*' } })
    expect(params(path)).to.deep.include({ shortcut: 'in.("a,b","c")', content: 'like.*x&y*' })
    expect(path).not.to.contain('x&y')
  })
})
