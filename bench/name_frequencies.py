"""Name-frequency models shaped like real populations, for the census-shaped benchmark set
(bench/census_registrations.py), and a measure of how concentrated a set's names are.

A linker can only tell two people apart by what differs between them: when many distinct people
share a name and a year of birth, a registration with only the year (or no date) cannot be linked
safely by any linker. How often that happens depends on the shape of the name distribution, so
a benchmark set must have a realistic one. Each model here is a *head* of the most common names
with their published shares, and a Zipf-like *tail* of generated names down to a realistic number
of distinct names, continuous with the head (the tail's exponent is solved so that the shares sum
to one). The figures are rounded, as recalled from the sources named; only the shape matters:
the share of the most common name, how fast shares fall, how many distinct names there are.

Sources of the figures (rounded):
- Dutch surnames: Meertens Instituut, Nederlandse Familienamenbank (bearers per surname in the
  municipal population register, 2007, population about 16.4 million): De Jong about 84,000
  bearers (0.5 %), Jansen 73,000, De Vries 71,000, ... the 25th about 28,000 (0.17 %); about
  300,000 distinct surnames.
- Dutch given names: Meertens Instituut, Nederlandse Voornamenbank, and the yearly lists of the
  SVB (Sociale Verzekeringsbank) of names given to newborns: the most popular name of a year is
  given to roughly 0.7-2 % of that year's girls or boys (higher in the 1980s, lower since 2000),
  the twelfth to roughly half that; tens of thousands of distinct names. A second or third
  official name is often a traditional one (Maria, Johannes), far more concentrated.
- Polish surnames: PESEL register counts (Nowak about 200,000 bearers of 38 million, 0.5 %;
  Kowalski/Kowalska 0.37 %); about 400,000 distinct surnames.
- Romanian surnames: Popa, Popescu and Pop each somewhat under 1 % of the population.
- Vietnamese family names: the widely cited shares Nguyễn about 38 %, Trần 11 %, Lê 9.5 %,
  Phạm 7 %, Hoàng/Huỳnh 5 %, Phan 4.5 %, Vũ/Võ 4 %, Đặng 2 %, Bùi 2 %, Đỗ 1.4 %.
- Moroccan and Nigerian names: no national counts at hand; heads set so that the most common
  surname is about 1 % (Moroccan) and 0.6 % (Nigerian: hundreds of ethnic groups), and the most
  common given names (Mohamed, Fatima; Blessing, Joy) 3-6 %, as lists of common names suggest;
  their numbers of distinct surnames (60,000 each) are guesses, kept low (more concentrated).
"""

import math
import random
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

NameMaker = Callable[[int], str]  # rank in the tail → a distinct generated name


@dataclass
class NameModel:
    """The most common names with their shares, then generated names with Zipf-like shares,
    `distinct` names in all."""

    head: Sequence[tuple[str, float]]
    distinct: int
    make_tail: NameMaker
    exponent: float = field(init=False)
    _cumulative: list[float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        capacity = getattr(self.make_tail, "capacity", None)
        if capacity is not None and capacity < self.distinct - len(self.head):
            raise ValueError(f"{capacity} generated names for {self.distinct} distinct ones")
        head_mass = sum(share for _name, share in self.head)
        last = self.head[-1][1]
        start = len(self.head) + 1
        # Tail share of rank k: last * (k / len(head)) ** -s, continuous with the head; solve s so
        # that head and tail sum to one.
        ranks = np.arange(start, self.distinct + 1, dtype=float) / len(self.head)

        def tail_mass(s: float) -> float:
            return float(last * np.power(ranks, -s).sum())

        low, high = 0.01, 5.0
        for _step in range(60):
            middle = (low + high) / 2
            if tail_mass(middle) > 1 - head_mass:
                low = middle
            else:
                high = middle
        self.exponent = (low + high) / 2
        shares = np.concatenate(
            [[share for _name, share in self.head], last * np.power(ranks, -self.exponent)]
        )
        self._cumulative = (np.cumsum(shares) / shares.sum()).tolist()

    def draw(self, rng: random.Random) -> str:
        rank = min(bisect_left(self._cumulative, rng.random()), self.distinct - 1)
        if rank < len(self.head):
            return self.head[rank][0]
        return self.make_tail(rank - len(self.head))

    def share_of_top(self) -> float:
        return self._cumulative[0]

    def collision(self) -> float:
        """Probability that two people drawn at random get the same name."""
        shares = np.diff(np.asarray([0.0, *self._cumulative]))
        return float((shares**2).sum())


def syllable_names(
    parts: Sequence[Sequence[str]], *, capitalise: bool = True, salt: int = 0
) -> NameMaker:
    """Distinct names from the product of syllable lists: tail rank → one combination, in a
    scrambled but fixed order (so that neighbouring ranks do not look alike)."""
    sizes = [len(p) for p in parts]
    total = math.prod(sizes)
    step = _coprime_step(total, salt)

    def make(rank: int) -> str:
        index = (rank * step + salt) % total
        out = []
        for part, size in zip(parts, sizes, strict=True):
            index, digit = divmod(index, size)
            out.append(part[digit])
        name = "".join(out)
        return name[0].upper() + name[1:] if capitalise else name

    make.capacity = total  # type: ignore[attr-defined]
    return make


def _coprime_step(total: int, salt: int) -> int:
    step = 7919 + 2 * salt
    while math.gcd(step, total) != 1:
        step += 1
    return step


def counts_to_shares(
    counts: Iterable[tuple[str, float]], population: float
) -> list[tuple[str, float]]:
    return [(name, count / population) for name, count in counts]


# ---- measuring a set ----------------------------------------------------------------------------


def concentration(people: Iterable[tuple[str, str, int | None]]) -> dict[str, float]:
    """How concentrated the names of a set of people are: for (surname, full name, birth year)
    per person, the probability that two random people share the surname and the full name, and
    the share of people (with a known year) who share name and year of birth with someone else
    in the set: those whose registrations without a full date no linker can safely join."""
    surnames: Counter[str] = Counter()
    names: Counter[str] = Counter()
    named_years: Counter[tuple[str, int]] = Counter()
    people_count = 0
    for surname, name, year in people:
        people_count += 1
        surnames[surname] += 1
        names[name] += 1
        if year is not None:
            named_years[(name, year)] += 1
    dated = sum(named_years.values()) or 1
    pairs = people_count * (people_count - 1) or 1

    def same(counts: Counter[str]) -> float:  # two different people drawn at random
        return sum(c * (c - 1) for c in counts.values()) / pairs

    return {
        "people": people_count,
        "p_same_surname": same(surnames),
        "p_same_name": same(names),
        "share_sharing_name_and_year": sum(c for c in named_years.values() if c > 1) / dated,
        "distinct_surnames": len(surnames),
    }
