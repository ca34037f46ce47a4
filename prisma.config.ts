// Prisma CLI configuration (Prisma 7 keeps the database URL out of schema.prisma).
// Only the Prisma CLI reads this file; the server takes its URL from src/config.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
