// The page's entry: the landing page at /, the cluster view at /c/<id> (token or share token in
// the URL fragment, so it never reaches a server log).
import "./style.css";
import { clusterView } from "./cluster-view";
import { landing } from "./landing";

const root = document.getElementById("app")!;
const m = /^\/c\/([^/]+)\/?$/.exec(location.pathname);
if (m) clusterView(root, decodeURIComponent(m[1]!), new URLSearchParams(location.hash.slice(1)));
else landing(root);
