import Foundation
import Testing

/// Every example in Examples/ runs as a user runs it (the executable `swift test` built beside
/// the tests, in a temporary folder) and prints the JSON its header promises on its last line,
/// with values that show it did its job — so the examples cannot rot. The checks are on
/// behaviour (an answer, a selected action, a rate within a tolerance), not on exact values.
@Suite("Examples run")
struct ExampleTests {
    @Test func squaring() throws {
        let json = try ExampleRun("squaring").json()
        let x = try #require(json["x"] as? Double), squared = try #require(json["x_squared"] as? Double)
        #expect(abs(x - 0.5) < 0.05)
        #expect(abs(squared - 0.25) < 0.05)
    }

    @Test func basalGanglia() throws {
        let json = try ExampleRun("basal-ganglia").json()
        #expect(json["selected"] as? Int == 0)
        let thalamus = try #require(json["thalamus_means"] as? [Double])
        #expect(thalamus.count == 5)
        #expect(thalamus[0] > 0.5)
        #expect(thalamus.dropFirst().allSatisfy { $0 < 0.1 })
        #expect(json["selection_time_ms"] is Double)
    }

    @Test func circularConvolution() throws {
        let json = try ExampleRun("circular-convolution").json()
        #expect(try #require(json["cosine"] as? Double) > 0.95)
        #expect(try #require(json["rmse"] as? Double) < 0.1)
    }

    @Test func controlledOscillator() throws {
        let json = try ExampleRun("controlled-oscillator").json()
        let commanded = try #require(json["commanded_hz"] as? Double)
        let measured = try #require(json["measured_hz"] as? Double)
        #expect(abs(measured / commanded - 1) < 0.1)
    }

    @Test func integrator() throws {
        let json = try ExampleRun("integrator").json()
        #expect(abs(try #require(json["held_value"] as? Double) - 0.5) < 0.1)
        #expect(abs(try #require(json["drift_per_s"] as? Double)) < 0.2)
    }

    @Test func learning() throws {
        let json = try ExampleRun("learning").json()
        let first = try #require(json["rmse_first_2s"] as? Double)
        let last = try #require(json["rmse_last_2s"] as? Double)
        #expect(last < first / 2)
        #expect(last < 0.2)
    }

    @Test func adexDemo() throws {
        let run = try ExampleRun("adex-demo")
        let json = try run.json()
        #expect(try #require(json["spike_count"] as? Int) > 20)
        #expect((json["first_spike_times_ms"] as? [Double])?.count == 5)
        #expect(try #require(json["v_min_mV"] as? Double) >= -71)
        #expect(run.files == ["adex-demo.csv"])
    }

    @Test func neuronDemo() throws {
        let run = try ExampleRun("neuron-demo")
        let json = try run.json()
        #expect(try #require(json["spike_count"] as? Int) > 30)
        #expect(try #require(json["v_max_mV"] as? Double) > 0)
        #expect(run.files == ["neuron-demo.csv"])
    }

    @Test func spaSequence() throws {
        let json = try ExampleRun("spa-sequence").json()
        let order = try #require(json["order"] as? [String])
        #expect(Array(order.prefix(6)) == ["A", "B", "C", "D", "E", "A"])
        #expect(try #require(json["period_ms"] as? Double) > 0)
    }

    @Test func questionMemory() throws {
        let json = try ExampleRun("question-memory").json()
        let answers = try #require(json["answers"] as? [String: String])
        #expect(answers == ["BLUE": "SQUARE", "CIRCLE": "RED", "RED": "CIRCLE", "SQUARE": "BLUE"])
    }

    @Test func questionControl() throws {
        let json = try ExampleRun("question-control").json()
        let answers = try #require(json["answers"] as? [String: String])
        #expect(answers == ["BLUE": "SQUARE", "CIRCLE": "RED"])
    }

    /// The figures go to the folder given with `--output` (here a temporary one).
    @Test func talkFigures() throws {
        let run = try ExampleRun("talk-figures", ["--output", "$TMP/figures"])
        let json = try run.json()
        let figures = try #require(json["figures"] as? [[String: Any]])
        let names = figures.compactMap { $0["file"] as? String }
        #expect(names.count == 7)
        #expect(figures.allSatisfy { ($0["bytes"] as? Int ?? 0) > 1_000 })
        #expect(Set(run.files) == Set(["figures"] + names.map { "figures/" + $0 }))
    }
}
