"""Every table model. env.py imports Base from here, so each model module must be imported
below for autogenerate to see its tables."""

from datetime import datetime, timezone

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.api.utils.database import Base
from src.api.utils.user_models import SubscriptionTier, UserDB, UserRole
from src.api.utils.credit_models import CreditTransactionDB, UserCreditDB
from src.api.utils.referral_models import ReferralCodeDB

__all__ = [
    "Base",
    "CreditTransactionDB",
    "MonitoredNicheDB",
    "ReferralCodeDB",
    "SubscriptionTier",
    "UserCreditDB",
    "UserDB",
    "UserRole",
    "VideoJobDB",
]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class MonitoredNicheDB(Base):
    __tablename__ = "monitored_niches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    niche: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    last_scanned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=_utcnow)

    user = relationship("UserDB", back_populates="monitored_niches")


class VideoJobDB(Base):
    __tablename__ = "video_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="pending", index=True)
    source_url: Mapped[str] = mapped_column(Text, nullable=False)
    output_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    credits_charged: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=_utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
