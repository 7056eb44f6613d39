"""Multiple systems estimation (log-linear models on a 2^k capture table), free of Django.

Follows the method of SparseMSE (Chan, Silverman & Vincent 2021): Poisson log-linear models with
main effects and chosen two-list interactions; the unobserved count is exp(intercept). A pair of
lists that never overlap has an interaction estimate of minus infinity: when such a pair is in the
model, every cell containing both lists is dropped from the fit. Before a model is fitted, the
existence of the MLE is checked with a linear program (Fienberg & Rinaldo) and the design must have
full column rank. Stepwise selection adds, while the smallest Poisson tail probability (the
smaller tail, not doubled, as SparseMSE's stepwisefit) of an observed pairwise overlap under the
current fit is below the threshold, the pair with that probability (skipping pairs whose model
fails the checks).
"""

import csv
import itertools
import math
import multiprocessing
import os
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import statsmodels.api as sm
from scipy.optimize import linprog
from scipy.special import pdtr, pdtrc
from scipy.stats import norm
from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

Term = tuple[int, ...]  # an interaction: two or more lists
Z_95 = 1.959963984540054


class TableError(ValueError):
    """A capture table that cannot be read, with the row and column at fault."""


@dataclass(frozen=True)
class Table:
    lists: tuple[str, ...]
    counts: dict[tuple[int, ...], int]  # observed histories only (never the all-zero one)

    @property
    def observed(self) -> int:
        return sum(self.counts.values())


def read_table(path: Path) -> Table:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header or header[-1].strip() != "count":
            raise TableError(f"{path}: the last column must be 'count'")
        lists = tuple(name.strip() for name in header[:-1])
        if not 2 <= len(lists) <= 8:
            raise TableError(f"{path}: need 2 to 8 lists, found {len(lists)}")
        counts: dict[tuple[int, ...], int] = {}
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise TableError(f"{path}, row {number}: expected {len(header)} columns")
            history = []
            for name, cell in zip(lists, row[:-1], strict=True):
                if cell.strip() not in ("0", "1"):
                    raise TableError(f"{path}, row {number}, column {name}: expected 0 or 1")
                history.append(int(cell))
            try:
                count = int(row[-1])
            except ValueError as error:
                raise TableError(
                    f"{path}, row {number}, column count: not a whole number"
                ) from error
            if count < 0:
                raise TableError(f"{path}, row {number}, column count: negative")
            key = tuple(history)
            if not any(key):
                if count:
                    raise TableError(f"{path}, row {number}: the all-zero history is unobserved")
                continue
            counts[key] = counts.get(key, 0) + count
    return Table(lists=lists, counts=counts)


def _histories(k: int) -> list[tuple[int, ...]]:
    return [h for h in itertools.product((0, 1), repeat=k) if any(h)]


def _overlap(table: Table, term: Term) -> int:
    """How many were seen on every list of the term."""
    return sum(c for h, c in table.counts.items() if all(h[i] for i in term))


@dataclass
class Fit:
    pairs: tuple[Term, ...]
    unobserved: float
    log_unobserved: float
    se: float
    fitted: dict[tuple[int, ...], float] = field(default_factory=dict)
    log_likelihood: float = 0.0
    parameters: int = 0


def _design(
    table: Table, pairs: tuple[Term, ...]
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, ...]]]:
    """Design matrix over the histories kept: terms whose lists were never seen together are
    dropped with their cells (their estimate would be minus infinity), and so are terms that
    contain them."""
    k = len(table.lists)
    dropped = [t for t in pairs if _overlap(table, t) == 0]
    cells = [h for h in _histories(k) if not any(all(h[i] for i in t) for t in dropped)]
    kept = [t for t in pairs if not any(set(d) <= set(t) for d in dropped)]
    rows = [
        [1.0, *[float(x) for x in h], *[float(all(h[i] for i in t)) for t in kept]] for h in cells
    ]
    y = np.array([table.counts.get(h, 0) for h in cells], dtype=float)
    return np.array(rows), y, cells


def mle_exists(x: np.ndarray, y: np.ndarray) -> bool:
    """True when some strictly positive table has the same sufficient statistics (Fienberg &
    Rinaldo): maximise d subject to X'm = X'y, m_i >= d, d <= 1; the MLE exists iff d > 0."""
    n_cells, n_params = x.shape
    cost = np.zeros(n_cells + 1)
    cost[-1] = -1.0
    a_eq = np.hstack([x.T, np.zeros((n_params, 1))])
    a_ub = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])
    result = linprog(
        cost,
        A_ub=a_ub,
        b_ub=np.zeros(n_cells),
        A_eq=a_eq,
        b_eq=x.T @ y,
        bounds=[(0, None)] * n_cells + [(None, 1.0)],
        method="highs",
    )
    return bool(result.success and -result.fun > 1e-9)


_SUPPORT_CACHE: dict[tuple[object, ...], bool] = {}


def _exists_for_support(
    pairs: tuple[Term, ...],
    cells: tuple[tuple[int, ...], ...],
    support: tuple[bool, ...],
    x: np.ndarray,
) -> bool:
    key = (pairs, cells, support)
    if key not in _SUPPORT_CACHE:
        if len(_SUPPORT_CACHE) > 100_000:
            _SUPPORT_CACHE.clear()
        _SUPPORT_CACHE[key] = mle_exists(x, np.array(support, dtype=float))
    return _SUPPORT_CACHE[key]


def fit_model(table: Table, pairs: tuple[Term, ...] = ()) -> Fit | None:
    """Fit main effects plus `pairs`; None when the model is not identifiable or has no MLE."""
    x, y, cells = _design(table, pairs)
    if np.linalg.matrix_rank(x) < x.shape[1]:
        return None
    # With every cell observed the MLE exists. Otherwise it depends only on which cells are
    # empty (the support of y), so the answer is cached per model and pattern of empty cells.
    if (y <= 0).any() and not _exists_for_support(pairs, tuple(cells), tuple(y > 0), x):
        return None
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        # A saturated model has no residual degrees of freedom; its scale is not used here.
        warnings.simplefilter("ignore", PerfectSeparationWarning)
        result = sm.GLM(y, x, family=sm.families.Poisson()).fit()
    intercept, se = float(result.params[0]), float(result.bse[0])
    return Fit(
        pairs=pairs,
        unobserved=math.exp(intercept),
        log_unobserved=intercept,
        se=se,
        fitted={h: float(m) for h, m in zip(cells, result.fittedvalues, strict=True)},
        log_likelihood=float(result.llf),
        parameters=x.shape[1],
    )


def _tail_probability(observed: int, expected: float) -> float:
    """The smaller Poisson tail probability of `observed` given its expectation (as SparseMSE's
    stepwisefit: min(P(X <= n), P(X >= n)), not doubled)."""
    upper = float(pdtrc(observed - 1, expected)) if observed > 0 else 1.0  # P(X >= observed)
    lower = float(pdtr(observed, expected))  # P(X <= observed)
    return min(1.0, upper, lower)


def stepwise(table: Table, *, threshold: float = 0.02) -> Fit:
    k = len(table.lists)
    current = fit_model(table)
    if current is None:
        raise TableError("the main-effects model cannot be fitted to this table")
    while True:
        candidates = []
        for pair in itertools.combinations(range(k), 2):
            if pair in current.pairs:
                continue
            expected = sum(m for h, m in current.fitted.items() if all(h[i] for i in pair))
            candidates.append((_tail_probability(_overlap(table, pair), expected), pair))
        candidates.sort()
        chosen = None
        for p_value, pair in candidates:
            if p_value >= threshold:
                break
            trial = fit_model(table, tuple(sorted((*current.pairs, pair))))
            if trial is not None:
                chosen = trial
                break
        if chosen is None:
            return current
        current = chosen


def hierarchical_models(k: int, max_order: int) -> list[tuple[Term, ...]]:
    """Every set of interactions up to `max_order` lists in which each term's sub-terms of two or
    more lists are present too."""
    if not 2 <= max_order <= 3:
        raise ValueError("max_order must be 2 or 3")
    pairs = list(itertools.combinations(range(k), 2))
    models: list[tuple[Term, ...]] = []
    for size in range(len(pairs) + 1):
        for chosen in itertools.combinations(pairs, size):
            present = set(chosen)
            triples = [
                t
                for t in itertools.combinations(range(k), 3)
                if max_order >= 3 and all(p in present for p in itertools.combinations(t, 2))
            ]
            for n_triples in range(len(triples) + 1):
                for extra in itertools.combinations(triples, n_triples):
                    models.append((*chosen, *extra))
    return models


def bic(table: Table, fit: Fit) -> float:
    return -2 * fit.log_likelihood + fit.parameters * math.log(table.observed)


def minimum_bic(table: Table, *, max_order: int = 2) -> Fit:
    """The fittable hierarchical model with the smallest BIC (for up to 5 lists)."""
    if len(table.lists) > 5:
        raise TableError("BIC selection over all hierarchical models is limited to 5 lists")
    best: tuple[float, Fit] | None = None
    for terms in hierarchical_models(len(table.lists), max_order):
        fit = fit_model(table, terms)
        if fit is None:
            continue
        score = bic(table, fit)
        if best is None or score < best[0]:
            best = (score, fit)
    if best is None:
        raise TableError("no hierarchical model can be fitted to this table")
    return best[1]


@dataclass(frozen=True)
class Estimate:
    observed: int
    estimate: float
    ci_low: float
    ci_high: float
    model: list[str]


def summarise(table: Table, fit: Fit) -> Estimate:
    low = table.observed + math.exp(fit.log_unobserved - Z_95 * fit.se)
    high = table.observed + math.exp(fit.log_unobserved + Z_95 * fit.se)
    model = [":".join(table.lists[i] for i in term) for term in fit.pairs]
    return Estimate(table.observed, table.observed + fit.unobserved, low, high, model)


# --- BCa bootstrap that reruns the model selection in every replicate ------------------------


@dataclass(frozen=True)
class Selection:
    method: str = "stepwise"  # or "bic"
    threshold: float = 0.02
    max_order: int = 2

    def select(self, table: Table) -> Fit:
        if self.method == "bic":
            return minimum_bic(table, max_order=self.max_order)
        return stepwise(table, threshold=self.threshold)


def _total(table: Table, selection: Selection) -> float | None:
    try:
        return table.observed + selection.select(table).unobserved
    except TableError:
        return None


def _replicate(
    args: tuple[tuple[str, ...], list[tuple[int, ...]], list[int], Selection],
) -> float | None:
    lists, histories, counts, selection = args
    table = Table(lists=lists, counts={h: c for h, c in zip(histories, counts, strict=True) if c})
    return _total(table, selection)


@dataclass(frozen=True)
class BootstrapInterval:
    low: float
    high: float
    replicates: int
    failed: int
    bias_z0: float
    acceleration: float


def bca_bootstrap(
    table: Table,
    selection: Selection,
    *,
    replicates: int = 1000,
    seed: int = 1234,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BootstrapInterval:
    """Resample the observed individuals (multinomial over the observed histories), rerun the
    whole selection in each replicate, and correct for bias and acceleration with a delete-one
    jackknife over the histories (Silverman, Chan & Vincent 2024). Reproducible with `seed`
    whatever the number of workers: all resamples are drawn up front."""
    histories = sorted(table.counts)
    counts = np.array([table.counts[h] for h in histories])
    total = int(counts.sum())
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(total, counts / total, size=replicates)
    estimate = _total(table, selection)
    if estimate is None:
        raise TableError("the model cannot be fitted to the observed table")
    jobs = [(table.lists, histories, [int(c) for c in row], selection) for row in draws]
    # The delete-one jackknife (one table per observed history) runs in the same pool.
    leave_out = []
    for index in range(len(histories)):
        reduced = [int(c) for c in counts]
        reduced[index] -= 1
        leave_out.append((table.lists, histories, reduced, selection))
    results: list[float | None] = []
    # forkserver: workers never inherit the threads (DuckDB, servers) of the calling process.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 1, mp_context=context
    ) as pool:
        for done, value in enumerate(pool.map(_replicate, jobs, chunksize=8), start=1):
            results.append(value)
            if progress is not None and (done % 25 == 0 or done == replicates):
                progress(done, replicates)
        jackknife = list(pool.map(_replicate, leave_out, chunksize=4))
    boot = np.array([v for v in results if v is not None])
    if len(boot) < replicates // 2:
        raise TableError("too many bootstrap replicates could not be fitted")
    # As SparseMSE's bcaconfvalues: z0 from the share of replicates below the estimate.
    below = float((boot < estimate).mean())
    z0 = float(norm.ppf(min(max(below, 1e-6), 1 - 1e-6)))
    weights = [int(counts[i]) for i, value in enumerate(jackknife) if value is not None]
    leave_one_out = [value for value in jackknife if value is not None]
    w, theta = np.array(weights, dtype=float), np.array(leave_one_out)
    mean = float((w * theta).sum() / w.sum())
    spread = float((w * (mean - theta) ** 2).sum())
    acceleration = float((w * (mean - theta) ** 3).sum() / (6 * spread**1.5)) if spread else 0.0

    def limit(alpha: float) -> float:
        z = norm.ppf(alpha)
        adjusted = norm.cdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)))
        return float(np.quantile(boot, adjusted, method="median_unbiased"))  # R's type 8

    return BootstrapInterval(
        low=limit(0.025),
        high=limit(0.975),
        replicates=len(boot),
        failed=replicates - len(boot),
        bias_z0=z0,
        acceleration=acceleration,
    )
