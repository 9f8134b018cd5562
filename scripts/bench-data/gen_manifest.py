#!/usr/bin/env python3
"""Generates a benchmark import manifest and its schema, deterministically.

Default: 100,000 images (about 55 MB), each with a title and six clientMetadata keys: number,
varchar, enum, boolean, datetime and a 32-number embedding (four decimals, as exported embeddings
often are). --schema writes the matching Encord wire schema.

usage: gen_manifest.py OUT.json [--images N] [--schema OUT_SCHEMA.json] [--seed S]
"""
import argparse
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--images", type=int, default=100_000)
    ap.add_argument("--schema")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    species = ["cat", "dog", "fox", "owl", "bee"]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('{\n  "images": [\n')
        for i in range(a.images):
            item = {
                "objectUrl": f"https://storage.cloud.google.com/eic-bench-bucket/images/{i // 1000:03d}/img_{i:07d}.jpg",
                "title": f"img_{i:07d}.jpg",
                "clientMetadata": {
                    "score": round(rng.random() * 100, 6),
                    "caption": f"a photo of a {species[i % 5]} number {i}",
                    "species": species[rng.randrange(5)],
                    "reviewed": rng.random() < 0.5,
                    "captured": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
                    "clip": [round(rng.uniform(-1, 1), 4) for _ in range(32)],
                },
            }
            f.write("    " + json.dumps(item, separators=(", ", ": ")))
            f.write(",\n" if i + 1 < a.images else "\n")
        f.write("  ]\n}\n")
    if a.schema:
        schema = {
            "score": {"ty": "variant", "hint": "number"},
            "caption": {"ty": "variant", "hint": "varchar"},
            "species": {"ty": "enum", "values": sorted(species)},
            "reviewed": {"ty": "variant", "hint": "boolean"},
            "captured": {"ty": "variant", "hint": "datetime"},
            "clip": {"ty": "embedding", "size": 32, "api": None},
        }
        with open(a.schema, "w", encoding="utf-8") as f:
            json.dump(schema, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
