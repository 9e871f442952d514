// BrainNetworks: the networks cognitive models are assembled from, built out of BrainCore's
// ensembles, nodes and connections. Each network type builds into its own subnetwork of a
// parent network and exposes its input and output nodes.
@_exported import BrainCore
