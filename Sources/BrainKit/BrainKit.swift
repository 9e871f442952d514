// The umbrella module: `import BrainKit` is all a user writes.
@_exported import BrainCore
@_exported import BrainNetworks
@_exported import BrainBiophysics
@_exported import BrainSPA
@_exported import BrainPlot
