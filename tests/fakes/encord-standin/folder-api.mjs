// Folder routes (folders.mjs has the rules): create, get, list the top level, search all, list children.

export function createFolder(ctx) {
  const folder = ctx.state.folders.create(ctx.jsonBody() ?? null, ctx.user.user);
  ctx.state.stats.count('foldersCreated');
  return ctx.json(200, folder);
}

export const getFolder = (ctx) => ctx.json(200, ctx.state.folders.get(ctx.params.folder));
export const listFolders = (ctx) => ctx.json(200, ctx.state.folders.list(null, ctx.query));
export const searchFolders = (ctx) => ctx.json(200, ctx.state.folders.list(null, ctx.query, { recursive: true }));
export const listChildren = (ctx) => ctx.json(200, ctx.state.folders.children(ctx.params.folder, ctx.query));
