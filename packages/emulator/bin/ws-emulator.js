#!/usr/bin/env node
// The bin as installed: a file that exists before the package is built, so that a
// fresh `pnpm install` links it without "Failed to create bin" warnings.
import "../dist/bin.js";
