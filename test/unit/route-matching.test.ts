import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * patches/@remix-run+router+*.patch (applied by `npm install`) caches the ranked route branches and
 * the compiled path patterns that @remix-run/router otherwise rebuilds on every request
 * (docs/decisions/0007). The server loads the CommonJS build, so that is the one tested here.
 */
const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");

type Route = import("@remix-run/router").AgnosticRouteObject;

function appRoutes(caseSensitive = false): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "index", index: true },
        { id: "s.$slug", path: "s/:slug", caseSensitive },
        { id: "s.$slug_.thanks", path: "s/:slug/thanks", caseSensitive },
        {
          id: "board",
          path: "board",
          caseSensitive,
          children: [
            { id: "board._index", index: true },
            { id: "board.$themeId", path: ":themeId" },
          ],
        },
      ],
    },
  ];
}

const matched = (routes: Route[], pathname: string) => {
  const matches = matchRoutes(routes, pathname);
  return matches && { ids: matches.map((m) => m.route.id), params: { ...matches[matches.length - 1].params } };
};

describe("route matching (patched @remix-run/router)", () => {
  it("the installed router carries the caching patch", () => {
    const source = fs.readFileSync(routerFile, "utf8");
    expect(routerFile).toMatch(/router\.cjs\.js$/);
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compiledPathCache");
  });

  it("matches every path to the right routes, the same on the first call and on later ones", () => {
    const routes = appRoutes();
    const expectations: Array<[string, ReturnType<typeof matched>]> = [
      ["/", { ids: ["root", "index"], params: {} }],
      ["/s/abc", { ids: ["root", "s.$slug"], params: { slug: "abc" } }],
      ["/s/abc/", { ids: ["root", "s.$slug"], params: { slug: "abc" } }],
      ["/S/Abc", { ids: ["root", "s.$slug"], params: { slug: "Abc" } }],
      ["/s/abc/thanks", { ids: ["root", "s.$slug_.thanks"], params: { slug: "abc" } }],
      ["/board", { ids: ["root", "board", "board._index"], params: {} }],
      ["/board/7", { ids: ["root", "board", "board.$themeId"], params: { themeId: "7" } }],
      ["/s", null],
      ["/s/abc/thanks/more", null],
      ["/nope", null],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [pathname, expected] of expectations) expect(matched(routes, pathname), `${pathname} (round ${round})`).toEqual(expected);
    }
  });

  it("keeps case-sensitive and case-insensitive patterns of the same path apart", () => {
    expect(matched(appRoutes(false), "/S/abc")?.ids).toEqual(["root", "s.$slug"]);
    expect(matched(appRoutes(true), "/S/abc")).toBeNull();
    expect(matched(appRoutes(true), "/s/abc")?.ids).toEqual(["root", "s.$slug"]);
    expect(matched(appRoutes(false), "/S/abc")?.ids).toEqual(["root", "s.$slug"]);
  });

  it("a new route tree is matched by its own routes, not by a cached older tree", () => {
    const first = appRoutes();
    expect(matched(first, "/board/7")?.ids).toEqual(["root", "board", "board.$themeId"]);
    const second: Route[] = [{ id: "other-root", path: "", children: [{ id: "other-board", path: "board/:id" }] }];
    expect(matched(second, "/board/7")).toEqual({ ids: ["other-root", "other-board"], params: { id: "7" } });
    expect(matched(second, "/s/abc")).toBeNull();
  });
});
