"""Creator payouts — added after the credit ledger.

Nothing on env.py's import chain imports this module (src/api/utils/models.py was never
updated), so `alembic revision --autogenerate` does not see the `payouts` table.
"""

from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from src.api.utils.database import Base


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class PayoutDB(Base):
    __tablename__ = "payouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    amount_cents: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=_utcnow)
