import { z } from 'zod';

export const directionOfGoodSchema = z.enum(['up', 'down', 'neutral']);
