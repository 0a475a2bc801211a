// The page every variant receives: 500 online members (the largest page the
// English docs describe), shaped like real answers (account ids, join times in
// seconds, mixed-script nicknames, CDN avatar URLs), about 57 KB of JSON.
// Deterministic, so every run measures the same bytes.

export const pageSize = 500;

// A small LCG instead of Math.random: the same page on every run.
const seeded = (seed) => {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

const nickNames = [
  '小明',
  'Luna',
  'Kenji',
  'Ana María',
  '夜猫子',
  'Olu',
  'Mia',
  '阿杰',
  'Sam',
  'Zoë',
];

export const buildMembersPage = () => {
  const random = seeded(20_240_601);
  const newestJoin = 1_732_590_000;
  const MemberList = Array.from({ length: pageSize }, (_, index) => {
    const userNumber = 100_000 + Math.floor(random() * 900_000);
    return {
      Member_Account: `u${userNumber}`,
      // Newest first, as the API answers.
      JoinTime: newestJoin - index * 7 - Math.floor(random() * 7),
      NickName: nickNames[userNumber % nickNames.length],
      Avatar: `https://a.example.com/${userNumber}.jpg`,
    };
  });
  return {
    ActionStatus: 'OK',
    ErrorCode: 0,
    ErrorInfo: '',
    MemberList,
    // A cursor, as a first page of a larger group carries; the benchmark never follows it.
    NextTimestamp: newestJoin - pageSize * 7,
  };
};
