export async function trainParser(_o: { epochs: number; bits: number; seed: number }): Promise<void> { throw new Error("parser training not implemented yet"); }
