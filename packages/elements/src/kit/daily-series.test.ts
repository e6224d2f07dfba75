import { expect } from '@open-wc/testing'
import { dailySeries, firstDay, utcDay } from './daily-series.ts'

const now = new Date('2025-03-02T01:30:00Z') // early on a UTC day, late on the previous one in New York

describe('daily series', () => {
  it('names UTC days, not local ones', () => {
    expect(utcDay(now)).to.equal('2025-03-02')
    expect(firstDay(1, now)).to.equal('2025-03-02')
    expect(firstDay(3, now)).to.equal('2025-02-28')
    expect(firstDay(30, now)).to.equal('2025-02-01')
  })

  it('puts each day at its place, oldest first, zeros between, sums a day given twice, drops the rest', () => {
    const series = dailySeries(
      [
        { day: '2025-03-02', value: 4 },
        { day: '2025-02-28', value: 2 },
        { day: '2025-02-28', value: 1 },
        { day: '2025-02-27', value: 100 }, // before the window
        { day: '2025-03-03', value: 100 }, // after it
      ],
      3,
      now,
    )
    expect(series).to.deep.equal([3, 0, 4])
    expect(dailySeries([], 30, now)).to.deep.equal(new Array(30).fill(0))
  })
})
