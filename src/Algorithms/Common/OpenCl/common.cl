// Shared by every Oompa OpenCL kernel; prepended to each program's source by OpenClKernelDefinition.
// A logical layout: sizes, padded sizes and begin padding (see OpenClLayout.cs; field order must match).
typedef struct
{
    int x, y, z, n;
    int px, py, pz;
    int bx, by, bz;
} layout;

// Element (x, y, z, n) of a possibly padded layout, as LogicalDescriptor.Offset computes it.
inline int layout_offset(const layout l, int x, int y, int z, int n)
{
    return ((n * l.pz + z + l.bz) * l.py + y + l.by) * l.px + x + l.bx;
}

// Start of logical row r (rows run over y, then z, then n).
inline int layout_row_start(const layout l, int r)
{
    int y = r % l.y;
    int rest = r / l.y;
    return layout_offset(l, 0, y, rest % l.z, rest / l.z);
}
