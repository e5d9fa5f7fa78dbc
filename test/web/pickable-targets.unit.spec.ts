import { pickableTargets } from '../../apps/web/src/screens/new-case/pickable-targets';

describe('the picker of persons already recorded', () => {
  it('offers every person not merged, by label, and leaves merged duplicates out', () => {
    const kept = '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11';
    expect(
      pickableTargets([
        { id: kept, label: 'P-6F1C1A', mergedInto: null },
        { id: 'a4b0c2d4-0000-4000-8000-000000000001', label: 'P-A4B0C2', mergedInto: kept },
        // Organisations are listed without the field.
        { id: 'b5c1d3e5-0000-4000-8000-000000000002', label: 'O-B5C1D3' },
      ]),
    ).toEqual([
      { value: kept, label: 'P-6F1C1A' },
      { value: 'b5c1d3e5-0000-4000-8000-000000000002', label: 'O-B5C1D3' },
    ]);
  });
});
