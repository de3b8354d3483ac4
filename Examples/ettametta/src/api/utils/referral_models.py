"""Referral codes.

This module declares its own `Base = declarative_base()` instead of importing the shared one
from src.api.utils.database: models.py imports it, but its table lands on a different
MetaData than env.py's `target_metadata`, so autogenerate never sees `referral_codes`.
"""

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class ReferralCodeDB(Base):
    __tablename__ = "referral_codes"

    id = Column(Integer, primary_key=True)
    code = Column(String(16), nullable=False, unique=True)
    owner_id = Column(Integer, ForeignKey("users.id"), nullable=False)
