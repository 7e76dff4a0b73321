/** Room colours: distinguishable, each with white text at >= 4.5:1 contrast. "belegt" blocks are grey. */
export const ROOM_COLOURS = ['#1c4f8a', '#0b6e4f', '#8a3b12', '#6a1b9a', '#9a1750', '#00646e', '#5d4037', '#3949ab'];
export const BUSY_COLOUR = '#6b6b6b';
/** Own blocked time: dark slate, hatched (app.css), white text at >= 4.5:1. */
export const BLOCK_COLOUR = '#37474f';

export function roomColour(roomIds: string[], roomId: string): string {
  const index = roomIds.indexOf(roomId);
  return ROOM_COLOURS[(index < 0 ? roomIds.length : index) % ROOM_COLOURS.length];
}
