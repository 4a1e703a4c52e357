"""novamem quickstart: an agent that keeps who it is and what it learned.

Runs three ways, unchanged:
  python examples/quickstart.py                      # joins `make up`'s Ray, or starts one
  RAY_ADDRESS=127.0.0.1:6380 python examples/quickstart.py
  ray job submit --address http://127.0.0.1:8265 --working-dir examples -- python quickstart.py
"""

from __future__ import annotations

import asyncio
import os
import sys

from cluster import Runtime


async def main(agent_id: str) -> None:
    rt = Runtime.connect()  # RAY_ADDRESS, else the local cluster, else a new local Ray
    ada = rt.agent(agent_id)

    identity = await ada.set_identity("Ada", persona="analyst of engines", traits=["precise", "curious"])
    print(f"identity v{identity['identity']['version']} for {agent_id}")

    for note, entities in [
        ("The Analytical Engine weaves algebraic patterns like a loom weaves flowers.", ["Analytical Engine"]),
        ("Bernoulli numbers can be computed by the engine with a loop of operations.", ["Bernoulli"]),
        ("Tea with Charles on Tuesday: discuss the difference engine funding.", ["Charles Babbage"]),
    ]:
        ack = await ada.remember(note, kind="fact", entities=entities)
        print(f"remembered seq {ack['seq']}: {note[:48]}…")

    hits = await ada.recall("how does the engine compute Bernoulli numbers?", k=2)
    for hit in hits["items"]:
        print(f"recall seq {hit['seq']} score {hit['score']:.4f} via {'+'.join(hit['sources'])}: {hit['content'][:60]}")

    info = await ada.info()
    print(f"{agent_id}: identity v{info['identity_version']}, last_seq {info['last_seq']}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("NOVAMEM_EXAMPLE_AGENT", "ada")))
