/**
 * CHANGELOG.md follows "Keep a Changelog" 1.1.0 (https://keepachangelog.com/en/1.1.0/): one
 * `## [version] - YYYY-MM-DD` section per release, newest first. A release must have its own
 * section with at least one entry before `npm run release` builds anything.
 */

/** The entries of `version`'s section; throws a message saying what is missing. */
export function changelogEntry(changelog: string, version: string): string {
  const sections = changelog.split(/^## /m).slice(1);
  const section = sections.find((part) => part.startsWith(`[${version}]`));
  if (!section)
    throw new Error(`CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD" for package.json's version.`);
  const heading = section.slice(0, section.indexOf('\n') === -1 ? undefined : section.indexOf('\n'));
  if (!/^\[[^\]]+\] - \d{4}-\d{2}-\d{2}\s*$/.test(heading))
    throw new Error(`CHANGELOG.md's section for ${version} needs its release date: "## [${version}] - YYYY-MM-DD".`);
  const body = section.slice(heading.length).trim();
  if (!/^\s*[-*] \S/m.test(body)) throw new Error(`CHANGELOG.md's section for ${version} lists no change.`);
  return body;
}
