"""ORM tables, one module per area; importing this package registers them all on Base.metadata."""

from hub.models.accounts import AuthCode, DeviceGrant, OAuthClient, RefreshToken, User
from hub.models.market import (
    Category,
    CategoryTitle,
    Collection,
    CollectionItem,
    Download,
    Like,
    Listing,
    ListingComment,
    ListingFile,
    ListingTag,
    Make,
    PaymentEvent,
    Purchase,
    PurchaseState,
    Report,
    Review,
    Upload,
)
from hub.models.projects import CommentMention, Invitation, Member, Op, Project, ProjectComment, ShareLink, Version

__all__ = [
    "AuthCode", "Category", "CategoryTitle", "Collection", "CollectionItem", "CommentMention", "DeviceGrant",
    "Download", "Invitation", "Like", "Listing", "ListingComment", "ListingFile", "ListingTag", "Make", "Member",
    "OAuthClient", "Op", "PaymentEvent", "Project", "ProjectComment", "Purchase", "PurchaseState", "RefreshToken",
    "Report", "Review", "ShareLink", "Upload", "User", "Version",
]
