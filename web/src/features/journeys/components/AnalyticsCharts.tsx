import { makeStyles, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const useStyles = makeStyles({ chart: { width: '100%', height: '260px' } });
// The charts draw figures the page also states in words, so they are hidden from screen readers (aria-hidden) and
// kept out of the tab order too (no accessibilityLayer: its focusable surface inside aria-hidden is a dead tab stop).
const COLORS = [tokens.colorPaletteBlueForeground2, tokens.colorPaletteGreenForeground1, tokens.colorPaletteMarigoldForeground1, tokens.colorPaletteBerryForeground1];

/** Horizontal bars: how many reached each stage, from entering to the goal. */
export function FunnelChart({ stages }: { stages: { name: string; count: number }[] }) {
  const styles = useStyles();
  return (
    <div className={styles.chart} aria-hidden>
      <ResponsiveContainer>
        <BarChart data={stages} layout="vertical" margin={{ left: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={140} />
          <Tooltip />
          <Bar dataKey="count" name="Customers" fill={COLORS[0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Per message step: sent, delivered, opened and clicked side by side. */
export function DeliveryChart({ messages }: { messages: { name: string; sent: number; delivered: number; opened: number; clicked: number }[] }) {
  const styles = useStyles();
  return (
    <div className={styles.chart} aria-hidden>
      <ResponsiveContainer>
        <BarChart data={messages} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {(['sent', 'delivered', 'opened', 'clicked'] as const).map((key, i) => (
            <Bar key={key} dataKey={key} name={key[0].toUpperCase() + key.slice(1)} fill={COLORS[i]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Entries, completions, exits and goals over time. */
export function SeriesChart({ points }: { points: { label: string; entered: number; completed: number; exited: number; goalReached: number }[] }) {
  const styles = useStyles();
  const lines = [
    ['entered', 'Entered'],
    ['completed', 'Completed'],
    ['exited', 'Exited'],
    ['goalReached', 'Goal reached'],
  ] as const;
  return (
    <div className={styles.chart} aria-hidden>
      <ResponsiveContainer>
        <LineChart data={points} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" minTickGap={24} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {lines.map(([key, name], i) => (
            <Line key={key} type="monotone" dataKey={key} name={name} stroke={COLORS[i]} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
