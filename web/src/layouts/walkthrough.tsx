// gr.Walkthrough / gr.Step: a row of numbered step headers (role=tab, data-tab-id = the step's id, as Gradio's
// stepper) over one visible step. Earlier steps can be reopened from their headers; later ones are disabled
// until the app moves forward. Hidden steps stay mounted so their values survive.

import { createContext } from "preact";
import { useContext, useEffect, useLayoutEffect, useReducer, useRef, useState } from "preact/hooks";
import type { ComponentState } from "../client/store";
import { cx, domId } from "../renderer/hooks";
import { str } from "../renderer/props";
import type { ComponentProps } from "../renderer/types";
import "./column.css";
import "./walkthrough.css";

const OpenStep = createContext<number | null>(null);
/** Below this width per step the headers collapse into a bar with "Step i/n: label" above it (as Gradio does). */
const MIN_STEP_WIDTH = 110;

/** A step's id as `selected` names it: its own id, else its position. */
function stepKey(step: ComponentState, index: number): number {
  return typeof step.props.id === "number" ? step.props.id : index;
}

function shown(step: ComponentState): boolean {
  return step.props.visible !== false && step.props.visible !== "hidden";
}

const Check = () => (
  <svg width="12" height="10" viewBox="0 0 12 10" fill="none" aria-hidden="true">
    <path d="M1 5L4.5 8.5L11 1.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
);

export function Walkthrough({ id, props, childIds, children, root, store, trigger }: ComponentProps) {
  // The headers show the steps' labels and states: follow their props too.
  const [, force] = useReducer((n: number) => n + 1, 0);
  const childKey = childIds.join(",");
  useLayoutEffect(() => {
    const offs = childIds.map((cid) => store.subscribe(cid, () => force(0)));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, childKey]);
  const steps = childIds.map((cid) => store.get(cid)).filter((s): s is ComponentState => s?.type === "walkthroughstep");

  const indexOf = (sel: unknown): number => steps.findIndex((s, i) => stepKey(s, i) === sel);
  const found = indexOf(props.selected);
  const first = steps.findIndex((s) => shown(s) && s.props.interactive !== false);
  const foundStep = steps[found];
  const current = foundStep && shown(foundStep) ? found : first >= 0 ? first : steps.findIndex(shown);
  const openStep = steps[current] ?? null;
  const openId = openStep?.id ?? null;

  // `selected` lives in the store's props (Gradio's bound prop): a header click writes it, updates overwrite it.
  // Any change of it fires Walkthrough.change and the newly opened step's select.
  const lastSelected = useRef(props.selected);
  useEffect(() => {
    if (props.selected === lastSelected.current) return;
    lastSelected.current = props.selected;
    const index = indexOf(props.selected);
    if (index < 0) return;
    trigger("change");
    const step = steps[index];
    if (!step) return;
    store.trigger(step.id, "select", { index, value: str(step.props.label) ?? null, selected: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.selected]);

  const open = (index: number): void => {
    const step = steps[index];
    if (!step) return;
    const key = stepKey(step, index);
    store.applyUpdate({ id, props: { selected: key } });
    trigger("select", { index, value: str(step.props.label) ?? null, id: key, component_id: step.id, selected: true });
  };

  const bar = useRef<HTMLDivElement>(null);
  const [compact, setCompact] = useState(false);
  const visibleSteps = steps.filter(shown);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const measure = () => setCompact(el.getBoundingClientRect().width < visibleSteps.length * MIN_STEP_WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [visibleSteps.length]);

  const scale = openStep?.props.scale;
  const style = { ...root.style, ...(typeof scale === "number" ? { flexGrow: String(scale) } : {}) };

  return (
    <div id={root.id} class={cx("wb-walkthrough", compact && "compact", root.className)} style={style}>
      {compact && openStep && (
        <p class="step-title">
          <strong>
            Step {current + 1}/{steps.length}:
          </strong>{" "}
          {str(openStep.props.label, "Walkthrough")}
        </p>
      )}
      <div class="stepper" role="tablist" ref={bar}>
        {steps.map((step, index) => {
          if (!shown(step)) return null;
          const key = stepKey(step, index);
          const state = index === current ? "active" : index < current ? "completed" : "pending";
          const elemId = str(step.props.elem_id) || domId(store, step.id);
          const locked = step.props.interactive === false || index > current;
          const label = str(step.props.label, `Step ${index + 1}`);
          return (
            <div class={cx("step-item", state)} key={step.id}>
              <button
                type="button"
                role="tab"
                class={cx("step-button", state)}
                id={`${elemId}-button`}
                aria-selected={index === current}
                aria-controls={elemId}
                aria-label={compact ? `Step ${index + 1}: ${label}` : undefined}
                disabled={locked}
                aria-disabled={locked}
                data-tab-id={key}
                onClick={() => {
                  if (index < current && !locked) open(index);
                }}
              >
                <span class="step-number">{state === "completed" ? <Check /> : index + 1}</span>
                {!compact && <span class="step-label">{label}</span>}
              </button>
              {index < steps.length - 1 && !compact && <span class={cx("step-connector", index < current && "completed")} />}
            </div>
          );
        })}
      </div>
      <OpenStep.Provider value={openId}>{children}</OpenStep.Provider>
    </div>
  );
}

export function Step({ id, props, children, root }: ComponentProps) {
  const open = useContext(OpenStep) === id;
  const grow = typeof props.scale === "number" && props.scale >= 1;
  return (
    <div
      id={root.id}
      class={cx("wb-step", "column", "gap", grow && "grow-children", root.className)}
      role="tabpanel"
      aria-labelledby={`${root.id}-button`}
      hidden={!open}
      style={{ ...root.style, ...(grow ? { flexGrow: String(props.scale) } : {}) }}
    >
      {children}
    </div>
  );
}
