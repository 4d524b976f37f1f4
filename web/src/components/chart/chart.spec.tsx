import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Bar, BarChart, XAxis } from 'recharts';
import { Chart, type ChartConfig } from './chart';

const config: ChartConfig = { count: { label: 'Rework items', color: '#c00' } };
const data = [
  { week: 'W1', count: 3 },
  { week: 'W2', count: 5 },
];

function renderChart(rows: typeof data) {
  return render(
    <Chart
      title="Rework per week"
      definition="Rework items detected, by the week they were merged."
      config={config}
      data={rows}
      xKey="week"
      emptyReason="No rework was detected in this period."
    >
      <BarChart data={rows}>
        <XAxis dataKey="week" />
        <Bar dataKey="count" fill="#c00" isAnimationActive={false} />
      </BarChart>
    </Chart>,
  );
}

describe('Chart', () => {
  it('draws one bar per row, under an accessible name and its definition', () => {
    const { container } = renderChart(data);
    const figure = screen.getByRole('figure', { name: 'Rework per week' });
    expect(figure).toHaveAccessibleDescription(
      'Rework items detected, by the week they were merged.',
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
  });

  it('shows the same rows as a table on request, labelled from the config', async () => {
    renderChart(data);
    await userEvent.click(screen.getByRole('button', { name: 'Show table' }));
    expect(screen.getByRole('columnheader', { name: 'Rework items' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'W2 5' })).toBeInTheDocument();
  });

  it('says why it is empty instead of drawing nothing', () => {
    renderChart([]);
    expect(screen.getByText('No rework was detected in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show table' })).not.toBeInTheDocument();
  });
});
