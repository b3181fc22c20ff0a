export const CONTROLS: ReadonlyArray<[string, string, string]> = [
  ['Look', 'Click, then move the mouse', 'Turn your head'],
  ['Walk', 'W A S D', 'Left stick (smooth motion setting)'],
  ['Teleport', '—', 'Right stick forward, aim, release'],
  ['Snap turn', '—', 'Right stick left / right'],
  ['Jump', 'Space', '—'],
  ['Sprint / boost', 'Hold Ctrl', 'Left grip'],
  ['Board / leave spacecraft', 'F', 'A button'],
  ['Fly: thrust, strafe', 'W A S D', 'Left stick'],
  ['Fly: up / down', 'Space / Shift', 'Right stick up / down'],
  ['Fly: turn, pitch', 'Mouse', 'Right stick left / right'],
  ['Fly: roll', 'Q / E', '—'],
  ['Use tool (dig)', 'Left click', 'Trigger (or pinch)'],
  ['Build', 'Right click', 'Grip'],
  ['Tool: dig / build / smooth', '1 / 2 / 3', '—'],
  ['Brush size', 'Mouse wheel', '—'],
  ['Build menu', 'B, then pick one', 'Y to the Build page'],
  ['Place / turn / stop', 'Click / R / right click', 'Trigger / — / grip'],
  ['Inventory', 'I', 'Y to the Inventory page'],
  ['Feed aimed creature', 'G', 'Y to the Creature page'],
  ['Command your creature', 'C, then 1–5', 'Creature page, stick'],
  ['Recenter', '—', 'Hold the Meta button (system)'],
  ['Settings', 'O', 'Y button (wrist panel)'],
  ['Chat (with a relay)', 'Enter or T; Esc closes', 'Read on the left wrist'],
  ['Release mouse', 'Esc', '—'],
  ['This panel', 'H', '—'],
];

/** The controls table; the same rows appear in the README. */
export function ControlsPanel({ onClose }: { onClose: () => void }) {
  return (
    <div className="controls" data-testid="controls">
      <table>
        <thead><tr><th>Action</th><th>Desktop</th><th>VR</th></tr></thead>
        <tbody>
          {CONTROLS.map(([action, desktop, vr]) => (
            <tr key={action}><td>{action}</td><td>{desktop}</td><td>{vr}</td></tr>
          ))}
        </tbody>
      </table>
      <button onClick={onClose}>Hide (H)</button>
    </div>
  );
}
