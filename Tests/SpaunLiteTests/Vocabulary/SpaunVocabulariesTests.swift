import BrainCore
import BrainSPA
import SpaunLiteVocab
import Testing
@testable import SpaunLite

/// The shipped vocabulary files are what the recipe makes, bit for bit, and hold Spaun's
/// structure: numbers by ⊛ADD, positions by ⊛INC.
@Suite("Spaun-lite vocabularies")
struct SpaunVocabulariesTests {
    @Test func theShippedFilesAreTheRecipes() throws {
        let names = SpaunLiteVocabularyFiles.names
        #expect(names.contains("main-64") && names.contains("task-32") && names.contains("state-32") && names.contains("dec-32"))
        for name in names {
            let parts = name.split(separator: "-")
            let kind = try #require(SpaunVocabularies.Name(rawValue: String(parts[0])))
            let dimensions = try #require(Int(parts[1]))
            let text = try #require(SpaunLiteVocabularyFiles.text(named: name))
            #expect(try SpaunVocabularies.recipe(kind, dimensions: dimensions).fileText == text, "\(name)")
        }
    }

    @Test func numbersAndPositionsAreBuiltByBinding() throws {
        let main = try SpaunVocabularies(dimensions: 64).main
        let digits = SpaunVocabularies.digitKeys
        for (index, key) in digits.enumerated().dropFirst() {
            let built = try main.parse("\(digits[index - 1]) * ADD")
            #expect(try built.dot(try main.parse(key)) > 0.999)
        }
        #expect(try main.parse("POS3 * INC").dot(try main.parse("POS4")) > 0.999)
        #expect(try main.parse("POS1 * ~INC").dot(try main.parse("POS0")) > 0.999)
        #expect(Vision.classKeys.allSatisfy { main[$0] != nil })
    }

    @Test func aSizeWithoutAFileComesFromTheRecipe() throws {
        let made = try SpaunVocabularies.vocabulary(.main, dimensions: 24)
        let recipe = try SpaunVocabularies.recipe(.main, dimensions: 24)
        #expect(made.dimensions == 24 && made.keys == recipe.keys)
    }
}
