// gr.Dataset (and gr.Examples): clickable samples — a gallery of buttons for one component (or with
// sample_labels), else a table whose rows are clickable (Gradio: button.gallery-item / tr.tr-body).
// Its value is the index of the clicked sample; the click fires `click` and `select`.

import { useEffect, useState } from "preact/hooks";
import { labelOf } from "../renderer/atoms";
import { isFileData } from "../client/files";
import { cx } from "../renderer/hooks";
import type { ComponentProps } from "../renderer/types";
import { choices, isRecord, list, num, type Props, str, strings } from "../renderer/props";
import "./dataset.css";

/** One sample value as its component would show it in a table cell. */
function Cell({ type, value, props }: { type: string; value: unknown; props: Props }) {
  if (value === null || value === undefined) return null;
  if (type === "colorpicker") return <div class="example-swatch" style={{ background: String(value) }} title={String(value)} />;
  if (type === "checkbox") return <span>{value ? "✓" : "✗"}</span>;
  if ((type === "dropdown" || type === "radio" || type === "checkboxgroup") && Array.isArray(props.choices)) {
    const named = choices(props.choices);
    const name = (v: unknown) => named.find((c) => c[1] === v)?.[0] ?? String(v);
    return <span>{Array.isArray(value) ? value.map(name).join(", ") : name(value)}</span>;
  }
  if (type === "image" && isFileData(value)) {
    return value.url ? <img class="example-image" src={value.url} alt="" /> : <span>{value.orig_name ?? value.path}</span>;
  }
  // Gradio's Model3D example is the file's name.
  if (type === "model3d" && isRecord(value)) return <span>{str(value.orig_name) ?? String(value.path ?? "").split("/").pop()}</span>;
  if (type === "imageeditor" && isRecord(value)) {
    // Gradio's editor example shows the composite, else the background.
    const shown = [value.composite, value.background, list(value.layers)[0]].find(isFileData);
    return shown?.url ? <img class="example-image" src={shown.url} alt="" /> : null;
  }
  if (type === "code") return <pre class="example-code">{String(value)}</pre>;
  if (typeof value === "object") return <span>{JSON.stringify(value)}</span>;
  return <span>{String(value)}</span>;
}

export function Dataset({ props, setValue, trigger }: ComponentProps) {
  const label = labelOf(props, "Examples"); // Gradio titles an unlabelled Dataset "Examples"
  const components = strings(props.components) ?? [];
  const componentProps = list(props.component_props).map((p) => (isRecord(p) ? p : {}));
  const samples = list(props.samples).map(list);
  const labels = strings(props.sample_labels) ?? null;
  const perPage = num(props.samples_per_page, 10);
  const gallery = (components.length < 2 || labels !== null) && props.layout !== "table";
  const rows: unknown[][] = labels ? labels.map((l) => [l]) : samples;
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [rows.length]);
  const pages = Math.ceil(rows.length / perPage);
  const shown = pages > 1 ? rows.slice(page * perPage, (page + 1) * perPage) : rows;

  const choose = (i: number) => {
    const index = i + page * perPage;
    setValue(index);
    trigger("click", { index, value: samples[index] });
    trigger("select", { index, value: samples[index] });
  };

  return (
    <div class="wb-dataset">
      {props.show_label !== false ? (
        <div class="label" data-testid="block-label">
          <svg viewBox="0 0 24 24" width="12" height="12" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
            <rect x="3" y="3" width="7" height="7" />
            <rect x="14" y="3" width="7" height="7" />
            <rect x="3" y="14" width="7" height="7" />
            <rect x="14" y="14" width="7" height="7" />
          </svg>
          {label}
        </div>
      ) : null}
      {gallery ? (
        <div class="gallery">
          {shown.map((row, i) =>
            row[0] != null ? (
              <button key={i} type="button" class="gallery-item" onClick={() => choose(i)}>
                {labels ? <span>{String(row[0])}</span> : <Cell type={components[0] ?? "textbox"} value={row[0]} props={componentProps[0] ?? {}} />}
              </button>
            ) : null,
          )}
        </div>
      ) : shown.length ? (
        <div class="table-wrap">
          <table tabIndex={0} role="grid">
            <thead>
              <tr class="tr-head">
                {list(props.headers).map((h, j) => (
                  <th key={j}>{String(h)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={i} class="tr-body" onClick={() => choose(i)}>
                  {components.map((type, j) => (
                    // "table": the class Gradio's example cells carry in a table-layout Dataset (specs click ".table").
                    <td key={j} class={`${type} table`} style={{ maxWidth: type === "textbox" ? "35ch" : undefined }}>
                      <Cell type={type} value={row[j]} props={componentProps[j] ?? {}} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <div class="paginate">
          Pages:
          {Array.from({ length: pages }, (_, p) => (
            <button key={p} type="button" class={cx(p === page && "current-page")} aria-current={p === page ? "page" : undefined} onClick={() => setPage(p)}>
              {p + 1}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
