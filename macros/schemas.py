"""Write the JSON Schemas generated from the models: `python -m macros.schemas`."""

import json
from pathlib import Path

from .cards import Cards
from .catalog import Catalog
from .models import front_matter_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {
    ROOT / "scenarios" / "_schema.json": front_matter_schema,
    ROOT / "docs" / "catalog.schema.json": lambda: Catalog.model_json_schema(),
    ROOT / "docs" / "cards.schema.json": lambda: Cards.model_json_schema(),
}


def rendered(make) -> str:
    return json.dumps(make(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for path, make in SCHEMAS.items():
        path.write_text(rendered(make), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
