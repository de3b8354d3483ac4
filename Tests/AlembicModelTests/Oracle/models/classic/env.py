import shop.models  # noqa: F401
from shop.db import metadata

target_metadata = metadata
