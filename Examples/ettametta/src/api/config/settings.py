"""Application settings, read from the environment."""

import os


class Settings:
    """Runtime settings; DATABASE_URL defaults to a local SQLite file."""

    def __init__(self) -> None:
        self.DATABASE_URL: str = os.environ.get("DATABASE_URL", "sqlite:///./data/db/ettametta.db")
        self.DEFAULT_SIGNUP_CREDITS: int = int(os.environ.get("DEFAULT_SIGNUP_CREDITS", "50"))


settings = Settings()
