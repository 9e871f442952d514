import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// The built network obeys the rule that makes Spaun-lite a model and not a program: it is
/// driven only through its image input and read only at its motor readout.
@Suite("Spaun-lite network")
struct SpaunLiteNetworkTests {
    @Test func everyNodeIsTheImageInputAConstantAWireOrTheMotorReadout() throws {
        let model = try SpaunLite(dimensions: 16, seed: 3)
        var computing: [String] = []
        for node in model.network.allNodes {
            if node === model.image || node === model.motor.readout || node.isPassthrough { continue }
            if case .constant = node.output { continue }
            computing.append(node.name)
        }
        #expect(computing.isEmpty, "nodes that compute: \(computing)")
        // The image and the readout are the only nodes that call code; the readout is a sink.
        #expect(model.motor.readout.sizeOut == 0 && model.image.sizeIn == 0)
        #expect(!model.network.allConnections.contains { connection in
            if case .node(let node) = connection.pre.object { return node === model.motor.readout }
            return false
        })
        // Everything else is spiking neurons: no Direct ensemble computes in the model's place.
        let direct = model.network.allEnsembles.filter { $0.neuronType.isDirect }.map(\.name)
        #expect(direct.isEmpty, "Direct ensembles: \(direct)")
        #expect(model.network.allEnsembles.allSatisfy { $0.neuronType is LIF })
    }

    @Test func rateModeUsesRateNeuronsEverywhere() throws {
        let model = try SpaunLite(dimensions: 16, mode: .rate, seed: 3)
        #expect(model.network.allEnsembles.allSatisfy { $0.neuronType is LIFRate })
    }

    @Test(arguments: Lesion.allCases)
    func eachLesionCutsItsConnections(_ lesion: Lesion) throws {
        let whole = try SpaunLite(dimensions: 16, seed: 3)
        let cut = try SpaunLite(dimensions: 16, lesions: [lesion], seed: 3)
        #expect(cut.network.allConnections.count < whole.network.allConnections.count)
        let pre: Node, post: Node?
        switch lesion {
        case .visionToMemory: (pre, post) = (cut.vision.output.node, cut.encoding.boundItem.inputRight.node)
        case .memoryToDecoding: (pre, post) = (cut.memory.first.output.node, cut.decoding.unbound.inputLeft.node)
        case .basalGangliaToThalamus: (pre, post) = (cut.actionSelection.basalGanglia.output, cut.actionSelection.thalamus.input)
        case .decodingToMotor: (pre, post) = (cut.decoding.item.output.node, nil)
        }
        let remaining = cut.network.allConnections.filter { connection in
            guard case .node(let from) = connection.pre.object, from === pre else { return false }
            guard let post else { return true }
            if case .node(let to) = connection.post.object { return to === post }
            return false
        }
        #expect(remaining.isEmpty, "\(lesion): \(remaining.map(\.name))")
    }

    @Test func theNeuronBudgetAtSixtyFourDimensions() throws {
        let model = try SpaunLite(dimensions: 64, seed: 0)
        #expect(model.neuronCount <= 300_000, "\(model.neuronCount) neurons")
        #expect(model.actionSelection.names.count == 52)
        #expect(Set(model.actionSelection.names.compactMap { $0 }).count == 52)
    }

    @Test func badSettingsAreTypedErrors() throws {
        #expect(throws: BrainKitError.self) { try SpaunLite(dimensions: 0) }
        #expect(throws: BrainKitError.self) { try SpaunLite(dimensions: 30) }  // not divisible by 4
    }
}
