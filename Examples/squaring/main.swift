import BrainKit
print("squaring: not built yet")
