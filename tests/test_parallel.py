"""Local parallel coding gives exactly the one-process result, in input order."""

from __future__ import annotations

from whodid.parallel import code_parallel, partitions
from whodid.schema import Document, InputProblem

TEXTS = [
    "Russia imposed sanctions on Belarus on Monday.",
    "Poland accused Belarus of provocations at the border.",
    '"We are ready to help," Lukashenko told Putin.',
    "NATO jets flew close to the Belarusian border yesterday.",
    "Germany offered Poland humanitarian aid.",
    "Japan halted economic aid to Myanmar.",
]


def corpus(n: int) -> list[Document | InputProblem]:
    docs: list[Document | InputProblem] = []
    for i in range(n):
        docs.append(Document(id=f"d{i}", text=TEXTS[i % len(TEXTS)]))
        if i == 7:
            docs.append(InputProblem(origin="x.jsonl:3", reason="invalid JSON", doc_id=None))
    return docs


def keys(coded):
    return [
        (c.document.id, [e.to_dict() for e in c.events], [q.to_dict() for q in c.quotes], [str(p) for p in c.problems])
        for c in coded
    ]


def test_two_workers_code_like_one(coder):
    docs = corpus(40)
    one = keys(coder.code_documents(docs))
    two = keys(code_parallel(docs, workers=2, partition_size=5))
    assert one == two
    assert sum(len(k[1]) for k in one) > 20


def test_partitions_keep_the_parts_of_a_document_together():
    parts = [Document(id="big", text="a", part=k, offset=k) for k in range(5)]
    items = [Document(id="x", text="b"), *parts, Document(id="y", text="c")]
    chunks = list(partitions(items, 2))
    assert [d.id for c in chunks for d in c] == [d.id for d in items]
    holding = [c for c in chunks if any(d.id == "big" for d in c)]
    assert len(holding) == 1 and len([d for d in holding[0] if d.id == "big"]) == 5
