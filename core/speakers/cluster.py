"""Grouping voice vectors into voices, with the number of voices estimated when not given.

Spectral clustering on a refined cosine affinity (the recipe of Wang et al., "Speaker
diarization with LSTM", 2018, made for this GE2E encoder), then a few cosine k-means steps
on the vectors themselves. The number of voices is the largest k whose voices are all
distinct: every pair of centroids further apart than one person's voice is from itself
(``SAME_VOICE_COS``, calibrated in benchmarks/speakers on single-voice and two-voice audio),
and no voice is a sliver of the windows. Decision 0125 says why not the eigengap alone.
"""

from __future__ import annotations

import numpy as np

MAX_SPECTRAL = 1200        # vectors in the eigen-problem; the rest are assigned to centroids
ROW_KEEP = 0.25            # keep each row's strongest quarter of affinities (p-percentile pruning)
SAME_VOICE_COS = 0.895     # one voice split in two stays above this (0.907-0.913 seen); two
#                            people in a room fall below (0.857-0.881 seen)
# Past the expected number (an interview: two), a further voice must be clearly someone else:
# on short far-field audio one person's windows split into clusters as far apart as 0.84.
MORE_VOICES_COS = 0.75
# ... or, up to ``MORE_VOICES_CLOSE_COS``, two groups of windows with a gap between them
# (decision 0200): on the line through their two centroids, the windows of the pair fall
# into two separate heaps (Ashman's D >= ``MIN_SEPARATION``), where one voice split in two is
# one heap cut in the middle. Calibrated on the dev sets only: one voice split 3.50-4.48,
# two people of one meeting room 4.95 (dev4_room).
MORE_VOICES_CLOSE_COS = 0.86
MIN_SEPARATION = 4.7
# Two heaps need windows to be seen as heaps: with few windows in 256 dimensions any split
# looks separated (on 8 s live windows one reader came out as three voices). Each voice of
# such a pair needs this many seconds of windows (6 s: 30 windows at the 200 ms hop).
MIN_HEAP_S = 6.0
MIN_SHARE = 0.04
# Two fairly close voices (one person split in two: 0.89 seen on a read book with pauses)
# count as two only if the windows sit clearly nearer their own voice (median margin:
# one reader 0.096; two people 0.112-0.123 on the dev recordings).
CLOSE_COS = 0.87
MIN_MARGIN = 0.10           # a "voice" with less than this share of the windows is noise or overlap


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-8)


def _refined_affinity(x: np.ndarray) -> np.ndarray:
    a = np.clip(x @ x.T, 0.0, 1.0)
    n = len(a)
    keep = max(2, int(np.ceil(n * ROW_KEEP)))
    thresh = np.partition(a, n - keep, axis=1)[:, n - keep][:, None]
    a = np.where(a >= thresh, a, a * 0.01)
    a = np.maximum(a, a.T)
    a = a @ a.T
    a = a / np.maximum(a.max(axis=1, keepdims=True), 1e-8)
    return (a + a.T) / 2


def _spectral_vectors(x: np.ndarray, k_max: int) -> np.ndarray:
    a = _refined_affinity(x)
    inv = 1.0 / np.sqrt(np.maximum(a.sum(axis=1), 1e-8))
    _vals, vecs = np.linalg.eigh(inv[:, None] * a * inv[None, :])
    return vecs[:, ::-1][:, :k_max]


def _kmeans_cos(x: np.ndarray, labels: np.ndarray, k: int, steps: int = 10) -> tuple[np.ndarray, np.ndarray]:
    centroids = np.zeros((k, x.shape[1]), dtype=np.float32)
    for _ in range(steps):
        centroids = _unit(np.stack([x[labels == j].mean(axis=0) if np.any(labels == j) else centroids[j]
                                    for j in range(k)]))
        new = np.argmax(x @ centroids.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
    return labels, centroids


def _kmeans(x: np.ndarray, k: int, seed: int, n_init: int = 10, steps: int = 100) -> np.ndarray:
    """Euclidean k-means (k-means++ starts, the best of ``n_init`` by inertia): labels.

    On the spectral vectors (at most 1,200 x 6) this is a few milliseconds in numpy; it
    replaced scikit-learn's, whose import alone cost a live recording ~4.6 s of CPU."""
    rng = np.random.default_rng(seed)
    n = len(x)
    best, best_inertia = np.zeros(n, dtype=int), np.inf
    for _ in range(n_init):
        centres = [x[rng.integers(n)]]
        for _j in range(1, k):
            d2 = np.min(((x[:, None, :] - np.asarray(centres)[None]) ** 2).sum(-1), axis=1)
            total = float(d2.sum())
            centres.append(x[rng.choice(n, p=d2 / total)] if total > 0 else x[rng.integers(n)])
        c = np.asarray(centres)
        labels = np.zeros(n, dtype=int)
        for step in range(steps):
            d = ((x[:, None, :] - c[None]) ** 2).sum(-1)
            new = np.argmin(d, axis=1)
            if step and np.array_equal(new, labels):
                break
            labels = new
            c = np.stack([x[labels == j].mean(axis=0) if np.any(labels == j) else c[j] for j in range(k)])
        inertia = float(((x - c[labels]) ** 2).sum())
        if inertia < best_inertia - 1e-12:
            best, best_inertia = labels, inertia
    return best


def _with_k(x: np.ndarray, sub: np.ndarray, vecs: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    sub_labels = _kmeans(_unit(vecs[:, :k]), k, seed)
    xs = x[sub]
    centroids = _unit(np.stack([xs[sub_labels == j].mean(axis=0) if np.any(sub_labels == j) else xs[j]
                                for j in range(k)]))
    return _kmeans_cos(x, np.argmax(x @ centroids.T, axis=1), k)


def margin(x: np.ndarray, labels: np.ndarray, centroids: np.ndarray) -> float:
    """Median over windows of (similarity to its own voice - to the nearest other voice)."""
    sims = x @ centroids.T
    own = sims[np.arange(len(x)), labels]
    sims[np.arange(len(x)), labels] = -9.0
    return float(np.median(own - sims.max(axis=1)))


def separation(x: np.ndarray, labels: np.ndarray, centroids: np.ndarray, i: int, j: int) -> float:
    """Ashman's D of voices i and j: their windows projected on the line through the two
    centroids, distance between the two means over the pooled spread (above ~2: two heaps)."""
    w = centroids[i] - centroids[j]
    w = w / max(float(np.linalg.norm(w)), 1e-8)
    a, b = x[labels == i] @ w, x[labels == j] @ w
    if len(a) < 2 or len(b) < 2:
        return 0.0
    return float(np.sqrt(2.0) * abs(a.mean() - b.mean()) / max(float(np.sqrt(a.var() + b.var())), 1e-8))


def another_voice(x: np.ndarray, labels: np.ndarray, centroids: np.ndarray, heap_min: int) -> bool:
    """Past the expected number: every pair of voices clearly apart, or close but two heaps
    of at least ``heap_min`` windows each."""
    if not distinct(x, labels, centroids, MORE_VOICES_CLOSE_COS):
        return False
    sims = centroids @ centroids.T
    k = len(centroids)
    sizes = np.bincount(labels, minlength=k)
    return all(sims[i, j] < MORE_VOICES_COS
               or (min(sizes[i], sizes[j]) >= heap_min and separation(x, labels, centroids, i, j) >= MIN_SEPARATION)
               for i in range(k) for j in range(i + 1, k))


def distinct(x: np.ndarray, labels: np.ndarray, centroids: np.ndarray, max_cos: float = SAME_VOICE_COS) -> bool:
    """Every voice is someone else: centroids far enough apart, none a sliver; for two
    voices that are fairly close, the windows must also sit clearly nearer their own."""
    k = len(centroids)
    shares = np.bincount(labels, minlength=k) / max(1, len(labels))
    sims = centroids @ centroids.T
    np.fill_diagonal(sims, -1.0)
    if shares.min() < MIN_SHARE or sims.max() >= max_cos:
        return False
    return not (k == 2 and sims.max() >= CLOSE_COS and margin(x, labels, centroids) < MIN_MARGIN)


def cluster(x: np.ndarray, *, k_fixed: int | None = None, k_range: tuple[int, int] = (1, 6),
            expected: int = 2, seed: int = 0, hop_s: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """Labels 0..k-1 for unit vectors ``x`` (one window every ``hop_s``) and the (k, d) unit centroids."""
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=int), np.zeros((0, 256), dtype=np.float32)
    one = (np.zeros(n, dtype=int), _unit(x.mean(axis=0, keepdims=True)))
    lo, hi = k_range
    if k_fixed is not None:
        lo = hi = k_fixed
    hi = min(hi, n // 2)
    if n < 4 or hi < 2 or k_fixed == 1:
        return one
    sub = np.arange(n) if n <= MAX_SPECTRAL else np.linspace(0, n - 1, MAX_SPECTRAL).round().astype(int)
    vecs = _spectral_vectors(x[sub], hi)
    if k_fixed is not None:
        return _with_k(x, sub, vecs, k_fixed, seed)
    best = one if lo <= 1 else None
    heap_min = int(np.ceil(MIN_HEAP_S / hop_s))
    for k in range(2, hi + 1):
        labels, centroids = _with_k(x, sub, vecs, k, seed)
        if k <= lo or (distinct(x, labels, centroids) if k <= expected else another_voice(x, labels, centroids, heap_min)):
            best = (labels, centroids)
            continue
        break  # k voices would split someone: k - 1 it is
    return best if best is not None else one
