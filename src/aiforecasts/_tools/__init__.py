"""
The maintainers' tools: checking documents against the dataset (`verify`) and keeping a
dataset folder right from its documents (`curate`, ``aiforecasts data``).
"""
