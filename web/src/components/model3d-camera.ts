// Gradio's camera_position is Babylon's ArcRotateCamera pose: alpha is the angle around the vertical axis
// measured from +x towards +z, beta the angle down from the +y axis, radius the distance to the target
// (degrees on the Python side). Gradio's viewer starts at alpha 90°, beta 75°, i.e. in front of the model
// (+z) and a little above it; these helpers turn such a pose into a three.js camera position and back.

import { Box3, Sphere, Vector3, type PerspectiveCamera } from "three";

export type CameraPosition = [number | null, number | null, number | null];

export interface Pose {
  alpha: number; // degrees
  beta: number; // degrees
  radius: number;
}

export const DEFAULT_ALPHA = 90;
export const DEFAULT_BETA = 75;
const RAD = Math.PI / 180;

/** The camera offset from its target for a pose. */
export function offsetOf({ alpha, beta, radius }: Pose): Vector3 {
  // Babylon keeps beta inside (0, π) so the camera never flips over the pole; so does OrbitControls.
  const b = Math.min(Math.max(beta * RAD, 1e-4), Math.PI - 1e-4);
  const a = alpha * RAD;
  return new Vector3(radius * Math.cos(a) * Math.sin(b), radius * Math.cos(b), radius * Math.sin(a) * Math.sin(b));
}

/** The pose of a camera looking at `target`. */
export function poseOf(position: Vector3, target: Vector3): Pose {
  const d = position.clone().sub(target);
  const radius = d.length() || 1e-9;
  const beta = Math.acos(Math.min(Math.max(d.y / radius, -1), 1)) / RAD;
  let alpha = Math.atan2(d.z, d.x) / RAD;
  if (alpha < 0) alpha += 360;
  return { alpha, beta, radius };
}

/** The distance at which a bounding sphere fits the camera's view, vertically and horizontally. */
export function fittingRadius(sphere: Sphere, camera: PerspectiveCamera): number {
  const vertical = (camera.fov * RAD) / 2;
  const horizontal = Math.atan(Math.tan(vertical) * camera.aspect);
  const r = sphere.radius > 0 && Number.isFinite(sphere.radius) ? sphere.radius : 0.5;
  return (r / Math.sin(Math.min(vertical, horizontal))) * 1.05;
}

/** The starting pose: Gradio's default angles, framed to fit the model, then the app's camera_position. */
export function startPose(box: Box3, camera: PerspectiveCamera, given: CameraPosition): { pose: Pose; target: Vector3; framed: number } {
  const sphere = box.isEmpty() ? new Sphere(new Vector3(), 0.5) : box.getBoundingSphere(new Sphere());
  const framed = fittingRadius(sphere, camera);
  const [alpha, beta, radius] = given;
  return {
    pose: { alpha: alpha ?? DEFAULT_ALPHA, beta: beta ?? DEFAULT_BETA, radius: radius ?? framed },
    target: sphere.center.clone(),
    framed,
  };
}

/** "alpha,beta,radius" with one decimal (degrees), as the viewer reports it in data-camera. */
export function formatPose({ alpha, beta, radius }: Pose): string {
  return [alpha, beta, radius].map((v) => (Math.round(v * 10) / 10).toString()).join(",");
}
