import ArgumentParser
import BrainKit
import Foundation
import SpaunLite

@main
struct SpaunLiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spaun-lite",
        abstract: "Spaun-lite: a spiking perception-to-action model driven by Spaun's task strings.",
        subcommands: [Run.self, Battery.self, VisionCheck.self, Partition.self, Vocab.self])
}
