import { supportedCurrencies, supportedTimeZones } from '@connectgain/contracts/organizations'
import { expect } from '@open-wc/testing'
import { currencyValues, timeZoneValues } from './zones.ts'

describe('organization options', () => {
  it('offer exactly the zones and currencies the contract accepts', () => {
    expect(timeZoneValues()).to.deep.equal(supportedTimeZones())
    expect(currencyValues()).to.deep.equal(supportedCurrencies())
  })
})
