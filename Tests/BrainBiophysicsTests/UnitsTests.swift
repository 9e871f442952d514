import BrainBiophysics
import Testing

@Suite struct UnitsTests {
    @Test func prefixesAreSI() {
        #expect(SI.millivolt * 1000 == 1)
        #expect(SI.nanoampere == 1e-9)
        #expect(SI.micrometre == 1e-6)
    }
}
