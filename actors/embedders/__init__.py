"""Embedder implementations, one per way of getting a vector (see `actors.embedding`).

Each module imports its heavy library (ONNX Runtime, sentence-transformers, an HTTP
client) only when its embedder is built, and only inside the embedding service's actors.
"""
