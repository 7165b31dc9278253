// The entry of assets/wasmblocks.css, the one stylesheet every page links. Each renderer imports the .css
// file beside it (slider.tsx: `import "./slider.css"`); py/wasmblocks_build/bundle.py bundles this file
// without code splitting, so the CSS of lazily loaded components is in it too, and keeps only the CSS.
// A stylesheet lands where it is first imported: page-wide rules first, then the pieces a file imports
// before its own rules, which is why each file imports its .css after its other imports.

import "./base.css";
import "./pages/app";
import "./pages/embed";
import "./pages/share";
import "./pages/editor";
