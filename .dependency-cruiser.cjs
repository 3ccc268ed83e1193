/**
 * `npm run deps` (part of `npm test`): no import cycles anywhere, and the core — src/core and the
 * commands — imports no adapter and no platform SDK (also checked in tests/architecture).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle works only while one side is read lazily; break it (pass a function or move the shared part).",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-no-adapter",
      severity: "error",
      comment:
        "The core decides, adapters translate: src/core and commands/ never import an adapter.",
      from: { path: "^(src/core|commands)/" },
      to: { path: "^src/adapters/" },
    },
    {
      name: "core-imports-no-platform",
      severity: "error",
      comment: "src/core and commands/ import no platform SDK, configuration or logger.",
      from: { path: "^(src/core|commands)/" },
      to: {
        path: [
          "node_modules/(discord\\.js|@discordjs|@slack|dotenv|pino)/",
          "^src/(config|logger|main)\\.ts$",
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^dist/" },
  },
};
