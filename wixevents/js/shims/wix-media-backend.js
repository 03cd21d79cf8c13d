// wix-media-backend: `import { mediaManager } from 'wix-media-backend'`; the site's Media Manager.
import { apis } from "wixevents:wix";

export const mediaManager = apis("wix-media-backend", "mediaManager", ["upload", "importFile", "getFileInfo",
  "getFileUrl", "getDownloadUrl", "listFiles", "listFolders", "getFolderInfo"]);
export default { mediaManager };
