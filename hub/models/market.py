"""Marketplace tables: listings with files and tags, uploads, and the social/buying records.

Counters (downloads, likes, makes) are denormalised on the listing because every search sorts or
shows them; the rows in likes/downloads remain the truth they are recomputed from.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hub.db import Base, UTCDateTime, utcnow


class Category(Base):
    __tablename__ = "categories"
    slug: Mapped[str] = mapped_column(String(60), primary_key=True)
    title: Mapped[str] = mapped_column(String(80))
    parent: Mapped[str | None] = mapped_column(ForeignKey("categories.slug"), nullable=True)


class CategoryTitle(Base):
    """A category's name in another language (BCP 47 tag, e.g. "pt-BR"); Category.title is the English one."""

    __tablename__ = "category_titles"
    slug: Mapped[str] = mapped_column(ForeignKey("categories.slug", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(20), primary_key=True)
    title: Mapped[str] = mapped_column(String(80))


class Listing(Base):
    __tablename__ = "listings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    creator_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    category: Mapped[str] = mapped_column(ForeignKey("categories.slug"), index=True)
    licence: Mapped[str] = mapped_column(String(40), index=True)
    price_cents: Mapped[int] = mapped_column(Integer, default=0, index=True)
    tags_text: Mapped[str] = mapped_column(Text, default="")  # space-separated copy of tags, for FTS and lists
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    has_parameters: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    remix_of: Mapped[int | None] = mapped_column(ForeignKey("listings.id"), nullable=True)
    thumbnail_sha: Mapped[str | None] = mapped_column(String(64), nullable=True)
    images: Mapped[list[str]] = mapped_column(JSON, default=list)
    downloads: Mapped[int] = mapped_column(Integer, default=0, index=True)
    likes: Mapped[int] = mapped_column(Integer, default=0, index=True)
    makes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # set when the creator takes it down: gone from search and browse, still there for its buyers and remixes
    unlisted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # loaded only when a detail page asks; search results read tags_text and never touch files
    files: Mapped[list[ListingFile]] = relationship(order_by="ListingFile.id")
    tags: Mapped[list[ListingTag]] = relationship(order_by="ListingTag.tag")


class ListingTag(Base):
    __tablename__ = "listing_tags"
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class ListingFile(Base):
    __tablename__ = "listing_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))


class Upload(Base):
    """A tus upload in progress; the bytes live in the blob dir's uploads/ until complete."""

    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    filename: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # an unfinished upload untouched until then is removed with its bytes (tus Expiration extension)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)


class Like(Base):
    __tablename__ = "likes"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True)


class Download(Base):
    __tablename__ = "downloads"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True)


class PurchaseState(StrEnum):
    PENDING = "pending"  # checkout opened, the provider has not confirmed the payment
    PAID = "paid"  # the provider's webhook confirmed it: the files and reviews are open to the buyer
    REFUNDED = "refunded"  # the provider's webhook reported a refund: access is revoked


class Purchase(Base):
    """One person's purchase of one paid listing, pending until the payment provider confirms it.

    One row per (buyer, listing): buying again after a refund reopens the same row with a new
    checkout, and a late webhook for the old checkout no longer matches `checkout_id`.
    """

    __tablename__ = "purchases"
    __table_args__ = (UniqueConstraint("user_id", "listing_id", name="uq_purchases_user_listing"),)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    price_cents: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default=PurchaseState.PENDING.value)
    provider: Mapped[str] = mapped_column(String(20))
    checkout_id: Mapped[str | None] = mapped_column(String(200), nullable=True, unique=True)
    checkout_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PaymentEvent(Base):
    """A payment webhook event the hub has applied; the same event id again is a replay and is refused."""

    __tablename__ = "payment_events"
    provider: Mapped[str] = mapped_column(String(20), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Make(Base):
    """'I made it' from one person: the primary key makes a second click count nothing."""

    __tablename__ = "makes"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Collection(Base):
    __tablename__ = "collections"
    __table_args__ = (UniqueConstraint("user_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))


class CollectionItem(Base):
    __tablename__ = "collection_items"
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True)


class ListingComment(Base):
    __tablename__ = "listing_comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("listing_comments.id"), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Review(Base):
    __tablename__ = "reviews"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), primary_key=True)
    rating: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Report(Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
