export const CONTROLS: ReadonlyArray<[string, string, string]> = [
  ['Look', 'Click, then move the mouse', 'Turn your head'],
  ['Move', 'W A S D', '—'],
  ['Up / down', 'Space / Shift', '—'],
  ['Faster', 'Hold Ctrl', '—'],
  ['Use tool (dig)', 'Left click', 'Trigger'],
  ['Build', 'Right click', 'Grip'],
  ['Tool: dig / build / smooth', '1 / 2 / 3', '—'],
  ['Brush size', 'Mouse wheel', '—'],
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
