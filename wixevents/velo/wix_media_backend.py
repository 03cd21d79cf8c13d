"""``wix-media-backend``, simulated: ``mediaManager`` keeps a Media Manager; an upload fires ``onFileUploaded``.

::

    from wixevents.velo.wix_media_backend import mediaManager
    info = mediaManager.upload("/photos", b"...", "team.jpg", {"mediaOptions": {"mimeType": "image/jpeg"}})
    mediaManager.getFileInfo(info["fileUrl"]); mediaManager.listFiles({"parentFolderId": info["parentFolderId"]})
    site.media_files()                                    # the Media Manager as a table

State: files by ``fileUrl`` and folders by path (``site.media_files()``,
``site.velo.media``). ``upload`` and ``importFile`` store a file in the folder
of ``path`` (made when missing, as Wix does), with a ``wix:image://`` /
``wix:video://`` / ``wix:document://`` URL from its MIME type and a
deterministic ID; ``importFile`` takes its name from the URL and downloads
nothing. ``getFileInfo`` / ``getFileUrl`` / ``getDownloadUrl`` reject an unknown
file. ``listFiles`` filters by ``parentFolderId``, ``mediaType`` or ``isPrivate``;
``listFolders`` / ``getFolderInfo`` read the folders.

Cascade: Wix documents that a file uploaded or imported with these functions
fires ``wixMediaManager_onFileUploaded`` when it is ready. On a published site,
the event fires synchronously at the end of the call (payload ``{fileInfo,
context}``, like the sample), exactly as wix-data writes fire data events
(:mod:`.cascade`); in preview a registered handler gets a
``not_triggered_in_preview`` row. Other functions are generic-tier calls.
"""

from __future__ import annotations

import base64
import posixpath
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..runtime.clock import ID_NAMESPACE, iso
from .cascade import cascade_event
from .errors import VeloError
from .record import recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["mediaManager"]

MODULE = "wix-media-backend"
T = TypeVar("T")
_KIND = {"image": ("image", "wix:image://v1"), "video": ("video", "wix:video://v1"), "audio": ("audio", "wix:audio://v1")}


def _call(function: str, args: dict[str, Any], body: Callable[[VeloSite], T]) -> T:
    def locked(site: VeloSite) -> T:
        with site.velo.lock:
            return body(site)
    return recorded(MODULE, f"mediaManager.{function}", args, locked)


def _folder(site: VeloSite, path: str) -> str:
    """The ID of the folder at ``path`` ("/" is the root, ``media-root``), made with its parents when missing."""
    path = posixpath.normpath("/" + str(path or "").lstrip("/"))
    if path == "/":
        return "media-root"
    folders = site.velo.media_folders
    if path not in folders:
        parent = _folder(site, posixpath.dirname(path))
        now = iso(site.clock.now())
        folders[path] = {"folderId": str(uuid.uuid5(ID_NAMESPACE, f"{site.ids.seed}/folder{path}")),
                         "folderName": posixpath.basename(path), "parentFolderId": parent,
                         "_createdDate": now, "_updatedDate": now}
    return str(folders[path]["folderId"])


def _store(site: VeloSite, path: str, name: str, size: int, options: Mapping[str, Any] | None,
           source: str | None) -> dict[str, Any]:
    media = dict((options or {}).get("mediaOptions") or {})
    meta = dict((options or {}).get("metadataOptions") or {})
    mime = str(media.get("mimeType") or "application/octet-stream")
    kind, scheme = _KIND.get(str(media.get("mediaType") or mime.split("/")[0]), ("document", "wix:document://v1"))
    number = len(site.velo.media) + 1
    key = uuid.uuid5(ID_NAMESPACE, f"{site.ids.seed}/media/{number}").hex[:12]
    now = iso(site.clock.now())
    info = {"fileName": f"{key}_{name}", "fileUrl": f"{scheme}/{key}_{name}/{name}", "hash": key,
            "sizeInBytes": size, "mimeType": mime, "mediaType": kind, "isPrivate": bool(meta.get("isPrivate")),
            "parentFolderId": _folder(site, path), "originalFileName": name, "opStatus": "READY",
            "sourceURL": source, "labels": list(meta.get("labels") or []), "_createdDate": now, "_updatedDate": now}
    site.velo.media[str(info["fileUrl"])] = info
    return info


def _uploaded(site: VeloSite, info: dict[str, Any]) -> None:
    cascade_event(site, "wixMediaManager_onFileUploaded", {"fileInfo": dict(info), "context": {}})


def _file(site: VeloSite, url: Any) -> dict[str, Any]:
    found = site.velo.media.get(str(url))
    if found is None:
        raise VeloError(f"No file {url!r} in the Media Manager; upload it first (mediaManager.upload) or look at "
                        "site.media_files().", "NOT_FOUND")
    return found


def _size(content: Any) -> int:
    if isinstance(content, (bytes, bytearray)):
        return len(content)
    if isinstance(content, str):  # JavaScript sends Buffers as text (base64 when it decodes)
        try:
            return len(base64.b64decode(content, validate=True))
        except ValueError:
            return len(content.encode("utf-8"))
    return 0


class MediaManager:
    """``mediaManager`` of ``wix-media-backend``."""

    def upload(self, path: str, fileContent: Any, fileName: str,
               options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        def body(site: VeloSite) -> dict[str, Any]:
            with site.velo.lock:
                info = dict(_store(site, path, fileName, _size(fileContent), options, None))
            _uploaded(site, info)  # outside the lock: the cascade's handlers may use the Media Manager
            return info
        args = {"path": path, "fileContent": f"<{_size(fileContent)} bytes>", "fileName": fileName,
                "options": options}
        return recorded(MODULE, "mediaManager.upload", args, body)

    def importFile(self, path: str, url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        def body(site: VeloSite) -> dict[str, Any]:
            name = posixpath.basename(str(url).split("?")[0]) or "imported-file"
            with site.velo.lock:
                info = dict(_store(site, path, name, 0, options, str(url)))
            _uploaded(site, info)
            return info
        return recorded(MODULE, "mediaManager.importFile", {"path": path, "url": url, "options": options}, body)

    def getFileInfo(self, fileUrl: str) -> dict[str, Any]:
        return _call("getFileInfo", {"fileUrl": fileUrl}, lambda site: dict(_file(site, fileUrl)))

    def getFileUrl(self, fileUrl: str) -> str:
        def body(site: VeloSite) -> str:
            found = _file(site, fileUrl)
            return f"https://static.wixstatic.com/media/{found['fileName']}"
        return _call("getFileUrl", {"fileUrl": fileUrl}, body)

    def getDownloadUrl(self, fileUrl: str, expirationTime: int | None = None, downloadedFileName: str | None = None,
                       expiredTokenRedirectUrl: str | None = None) -> str:
        def body(site: VeloSite) -> str:
            found = _file(site, fileUrl)
            name = downloadedFileName or found["originalFileName"]
            return f"https://download-files.wix.com/_api/download/file?downloadToken={found['hash']}&name={name}"
        return _call("getDownloadUrl", {"fileUrl": fileUrl, "expirationTime": expirationTime,
                                        "downloadedFileName": downloadedFileName}, body)

    def listFiles(self, filters: Mapping[str, Any] | None = None, sorting: Mapping[str, Any] | None = None,
                  paging: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        def body(site: VeloSite) -> list[dict[str, Any]]:
            wanted = dict(filters or {})
            found = [dict(f) for f in site.velo.media.values()
                     if all(f.get(k) == v for k, v in wanted.items() if k in ("parentFolderId", "mediaType",
                                                                             "isPrivate"))]
            limit, skip = int((paging or {}).get("limit", 50)), int((paging or {}).get("skip", 0))
            return found[skip:skip + limit]
        return _call("listFiles", {"filters": filters, "sorting": sorting, "paging": paging}, body)

    def listFolders(self, filters: Mapping[str, Any] | None = None, sorting: Mapping[str, Any] | None = None,
                    paging: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        def body(site: VeloSite) -> list[dict[str, Any]]:
            parent = (filters or {}).get("parentFolderId")
            return [dict(f) for f in site.velo.media_folders.values()
                    if parent is None or f["parentFolderId"] == parent]
        return _call("listFolders", {"filters": filters, "sorting": sorting, "paging": paging}, body)

    def getFolderInfo(self, folderId: str) -> dict[str, Any]:
        def body(site: VeloSite) -> dict[str, Any]:
            found = next((f for f in site.velo.media_folders.values() if f["folderId"] == folderId), None)
            if found is None:
                raise VeloError(f"No folder {folderId!r} in the Media Manager.", "NOT_FOUND")
            return dict(found)
        return _call("getFolderInfo", {"folderId": folderId}, body)


mediaManager = MediaManager()
