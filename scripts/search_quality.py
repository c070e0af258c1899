"""Hit rates of tests/search_queries.yml: shared by the tests and `make bench` (lives in scripts/,
so bench imports nothing from tests/).
"""

from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "search_queries.yml"


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def score(queries: list[dict], results: dict) -> dict:
    """results: query -> ranked site paths. Returns hit rates and the misses."""
    top1 = sum(1 for q in queries if results[q["fraga"]][:1] == q["topp3"][:1])
    misses = [
        f"{q['fraga']!r}: väntade {q['topp3']}, fick {results[q['fraga']][:3]}"
        for q in queries
        if not set(q["topp3"]) <= set(results[q["fraga"]][:3])
    ]
    return {"top1": top1 / len(queries), "top3": 1 - len(misses) / len(queries), "misses": misses}
